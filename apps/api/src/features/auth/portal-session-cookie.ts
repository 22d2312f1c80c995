import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { type AppConfig, CONFIG } from '../../platform/config/config.js';
import { clearedCookie, type CookieSpec, cookieNames } from './session-cookies.js';

/**
 * The portal's session (refresh token) cookie as the configuration sets it: `secure`
 * (HTTPS, the `__Host-` name) or not, its name, read from a request, cleared on a reply.
 */
@Injectable()
export class PortalSessionCookie {
  readonly secure: boolean;
  readonly name: string;

  constructor(@Inject(CONFIG) config: AppConfig) {
    this.secure = config.secureCookies;
    this.name = cookieNames(config.secureCookies).session;
  }

  /** The session token the request's cookie carries, if any. */
  read(request: FastifyRequest): string | undefined {
    return request.cookies?.[this.name];
  }

  /** The cookie that ends it in the browser (`embeddable`: the tenant's portal is in a Teams tab). */
  cleared(embeddable: boolean): CookieSpec {
    return clearedCookie(this.secure, this.name, embeddable);
  }
}
