import {
  type CanActivate,
  type ExecutionContext,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import type { UserView } from '@guichet/types';
import type { FastifyRequest } from 'fastify';
import { type AppConfig, CONFIG } from '../../platform/config/config.js';
import { CurrentTenant } from '../../platform/tenancy/current-tenant.js';
import { AccessTokens } from './access-tokens.js';
import { cookieNames } from './session-cookies.js';
import { SessionLiveness } from './session-liveness.js';
import { Sessions } from './sessions.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in portal account (PortalAuthGuard). */
    portalUser?: { user: UserView; sessionId: string };
  }
}

export const NOT_SIGNED_IN = { error: 'unauthorized', message: 'Sign in to continue.' };

/**
 * A portal account: a Bearer access token of this tenant whose session is still live, or
 * the session cookie. Admin tokens and tokens of other tenants are refused.
 */
@Injectable()
export class PortalAuthGuard implements CanActivate {
  private readonly sessionCookie: string;

  constructor(
    private readonly current: CurrentTenant,
    private readonly tokens: AccessTokens,
    private readonly sessions: Sessions,
    private readonly liveness: SessionLiveness,
    @Inject(CONFIG) config: AppConfig,
  ) {
    this.sessionCookie = cookieNames(config.secureCookies).session;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const tenant = this.current.get(request);
    const header = request.headers.authorization;
    if (typeof header === 'string' && header.length > 0) {
      const match = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/.exec(header.trim());
      const claims = match ? await this.tokens.verify(tenant, match[1]!) : null;
      // Session liveness from memory, kept exact by the session end notices (SessionLiveness).
      const user = claims
        ? await this.liveness.userOf(tenant.id, claims.userId, claims.sessionId, () =>
            this.sessions.userOfLiveSession(tenant.id, claims.userId, claims.sessionId),
          )
        : null;
      if (!user || !claims) throw new UnauthorizedException(NOT_SIGNED_IN);
      request.portalUser = { user, sessionId: claims.sessionId };
      return true;
    }
    const found = await this.sessions.userByToken(tenant.id, request.cookies?.[this.sessionCookie]);
    if (!found) throw new UnauthorizedException(NOT_SIGNED_IN);
    request.portalUser = { user: found.user, sessionId: found.familyId };
    return true;
  }
}
