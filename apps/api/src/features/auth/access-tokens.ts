import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { TenantContext } from '../../platform/tenancy/tenant-context.js';

export interface AccessClaims {
  userId: string;
  /** The session family the token was issued for: revoked with it. */
  sessionId: string;
}

/**
 * Short-lived ES256 access tokens: `iss` = the tenant's public URL, `aud` = the tenant id,
 * verifiable by anyone with `/.well-known/jwks.json` of the portal. A token of another
 * tenant (or an admin token, audience `guichet-admin`) fails verification here.
 */
@Injectable()
export class AccessTokens {
  constructor(private readonly jwt: JwtService) {}

  async issue(
    tenant: TenantContext,
    user: { id: string; username: string },
    sessionId: string,
  ): Promise<{ accessToken: string; expiresIn: number }> {
    const expiresIn = tenant.settings.tokenLifetimes.accessMinutes * 60;
    const accessToken = await this.jwt.signAsync(
      { sid: sessionId, preferred_username: user.username },
      { subject: user.id, audience: tenant.id, issuer: tenant.publicUrl, expiresIn },
    );
    return { accessToken, expiresIn };
  }

  async verify(tenant: TenantContext, token: string): Promise<AccessClaims | null> {
    try {
      const claims = await this.jwt.verifyAsync<{ sub?: unknown; sid?: unknown }>(token, {
        audience: tenant.id,
        issuer: tenant.publicUrl,
        algorithms: ['ES256'],
      });
      return typeof claims.sub === 'string' && typeof claims.sid === 'string'
        ? { userId: claims.sub, sessionId: claims.sid }
        : null;
    } catch {
      return null;
    }
  }
}
