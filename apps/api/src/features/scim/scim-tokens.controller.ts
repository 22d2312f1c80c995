import { Body, Get, HttpCode, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import {
  type ScimTokenCreated,
  scimTokenCreateSchema,
  type ScimTokenList,
  type ScimTokenView,
} from '@guichet/types';
import type { z } from 'zod';
import { Actor, type AdminActor, RouteTenant } from '../admin/access/admin-request.js';
import { IdParam } from '../admin/access/id-param.pipe.js';
import type { AdminTenant } from '../admin/access/tenant-access.guard.js';
import { ZodValidationPipe } from '../../platform/common/zod-validation.pipe.js';
import { CreateScimToken } from './create-scim-token.usecase.js';
import { RevokeScimToken } from './revoke-scim-token.usecase.js';
import type { TokenActor } from './scim-token-view.js';
import { ScimTokens } from './scim-tokens.queries.js';
import { TenantAdminController } from '../admin/access/admin-controller.js';

const TOKEN_NOT_FOUND = {
  error: 'not_found',
  message: 'This tenant has no live SCIM token with this id.',
};

const tokenActor = (actor: AdminActor): TokenActor => ({
  type: 'admin',
  id: actor.admin.id,
  meta: actor.meta,
});

/** A tenant's SCIM tokens (Microsoft Entra ID provisioning) in the admin API: list, create (shown once), revoke. */
@TenantAdminController('scim-tokens')
export class ScimTokensController {
  constructor(
    private readonly tokens: ScimTokens,
    private readonly createToken: CreateScimToken,
    private readonly revokeToken: RevokeScimToken,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The tenant’s SCIM tokens (never the tokens themselves) and its SCIM base URL',
  })
  list(@RouteTenant() tenant: AdminTenant): Promise<ScimTokenList> {
    return this.tokens.list(tenant);
  }

  @Post()
  @ApiOperation({
    summary:
      'Creates a SCIM token: the token is in this answer only (stored hashed), with the SCIM base URL for Entra; audited',
  })
  create(
    @Actor() actor: AdminActor,
    @RouteTenant() tenant: AdminTenant,
    @Body(new ZodValidationPipe(scimTokenCreateSchema))
    body: z.output<typeof scimTokenCreateSchema>,
  ): Promise<ScimTokenCreated> {
    return this.createToken.execute(tenant, body.name, tokenActor(actor));
  }

  @Post(':tokenId/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revokes a SCIM token: refused from the next request on; audited' })
  async revoke(
    @Actor() actor: AdminActor,
    @RouteTenant() tenant: AdminTenant,
    @Param('tokenId', new IdParam(TOKEN_NOT_FOUND)) id: string,
  ): Promise<ScimTokenView> {
    const revoked = await this.revokeToken.execute(tenant.id, id, tokenActor(actor));
    if (!revoked) throw new NotFoundException(TOKEN_NOT_FOUND);
    return revoked;
  }
}
