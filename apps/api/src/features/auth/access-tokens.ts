import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { BoundedCache } from '@guichet/platform';
import type { TenantContext } from '../../platform/tenancy/tenant-context.js';

/** Verified access tokens kept (about 1 KB each). */
const VERIFIED_MAX = 10_000;

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
  /**
   * Tokens already verified, by tenant and the token's exact text (its signature included),
   * until they expire: an ECDSA verification per request was a fifth of `/api/v1/me`'s time.
   * Whether the session is still live is asked on every request all the same (SessionLiveness).
   */
  private readonly verified = new BoundedCache<string, AccessClaims>({ max: VERIFIED_MAX });

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
    const key = `${tenant.id} ${tenant.publicUrl} ${token}`;
    const known = this.verified.get(key);
    if (known) return known;
    try {
      const claims = await this.jwt.verifyAsync<{ sub?: unknown; sid?: unknown; exp?: unknown }>(
        token,
        { audience: tenant.id, issuer: tenant.publicUrl, algorithms: ['ES256'] },
      );
      if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string') return null;
      const verified = { userId: claims.sub, sessionId: claims.sid };
      // Kept no longer than the token lasts (`exp` is always set by issue()).
      const ttl = typeof claims.exp === 'number' ? claims.exp * 1000 - Date.now() : 0;
      if (ttl > 0) this.verified.set(key, verified, ttl);
      return verified;
    } catch {
      return null;
    }
  }
}
