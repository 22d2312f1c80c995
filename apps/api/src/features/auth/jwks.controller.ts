import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SIGNING_KEY, type SigningKey } from '../../platform/crypto/signing-key.js';

/** The public key that signs this portal's access tokens, for services that verify them. */
@ApiTags('auth')
@Controller('.well-known')
export class JwksController {
  constructor(@Inject(SIGNING_KEY) private readonly key: SigningKey) {}

  @Get('jwks.json')
  @Header('cache-control', 'public, max-age=300')
  @ApiOperation({
    summary:
      "JSON Web Key Set of the portal's access tokens (ES256); iss = the portal URL, aud = the tenant id",
  })
  jwks(): { keys: Record<string, string>[] } {
    return { keys: [this.key.jwk] };
  }
}
