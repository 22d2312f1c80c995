import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { cookieAttributes } from '../auth/session-cookies.js';
import { OIDC_ROUTES } from './oidc-routes.js';

/**
 * The application a person was signing in to, kept while they set a password (forgot
 * password, enrolment): the link in the email may be opened in another tab, after the
 * interaction expired. The cookie holds the application's authorization request, as a path
 * of the issuer's own authorization endpoint, MAC'd per tenant: the portal only ever sends
 * the browser back to that endpoint, which checks the client and its registered redirect URI.
 */
export const oidcAppCookie = (secure: boolean) => `${secure ? '__Host-' : ''}guichet_oidc_app`;

/** Long enough for the interaction; extended to the link's lifetime once a link is asked for. */
export const APP_RETURN_PENDING_SECONDS = 600;
/** Authorization requests longer than this are not kept (a cookie holds about 4 kB). */
const MAX_PATH = 2000;
/** Parameters that ask for a sign-in at the time of the request: the person has just signed in with the new password. */
const FRESHNESS_PARAMS = ['max_age', 'prompt'];
/** Without a data key (development): one secret for the process, the cookie works on that process only. */
const PROCESS_SECRET = randomBytes(32);

export class OidcAppReturn {
  private readonly secret: Buffer;
  readonly cookie: string;

  constructor(
    private readonly secure: boolean,
    dataKey: string | undefined,
  ) {
    this.secret = dataKey
      ? createHmac('sha256', Buffer.from(dataKey, 'base64')).update('oidc-app-return').digest()
      : PROCESS_SECRET;
    this.cookie = oidcAppCookie(secure);
  }

  /** The authorization path that replays a request of these (validated) parameters, freshness asks dropped. */
  static authorizationPath(params: Record<string, unknown>): string | null {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
      if (typeof value !== 'string' || !value) continue;
      if (FRESHNESS_PARAMS.includes(key)) {
        const rest =
          key === 'prompt'
            ? value
                .split(' ')
                .filter((p) => p !== 'login')
                .join(' ')
            : '';
        if (rest) query.set(key, rest);
        continue;
      }
      query.set(key, value);
    }
    if (!query.get('client_id') || !query.get('redirect_uri')) return null;
    const path = `${OIDC_ROUTES.authorization}?${query.toString()}`;
    return path.length <= MAX_PATH ? path : null;
  }

  seal(tenantId: string, path: string): string {
    const body = Buffer.from(path).toString('base64url');
    return `${body}.${this.mac(tenantId, body)}`;
  }

  /** The kept authorization path of this tenant, or null (absent, tampered, not the authorization endpoint). */
  open(tenantId: string, request: FastifyRequest): string | null {
    const value = request.cookies?.[this.cookie];
    if (typeof value !== 'string' || value.length > 4096) return null;
    const [body, mac, extra] = value.split('.');
    if (!body || !mac || extra !== undefined) return null;
    const expected = Buffer.from(this.mac(tenantId, body));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    const path = Buffer.from(body, 'base64url').toString();
    // Belt and braces: a relative path of the authorization endpoint, nothing else.
    const parsed = new URL(path, 'http://issuer.invalid');
    return parsed.origin === 'http://issuer.invalid' &&
      parsed.pathname === OIDC_ROUTES.authorization &&
      path.startsWith(`${OIDC_ROUTES.authorization}?`)
      ? path
      : null;
  }

  /** `embeddable`: the tenant's portal is a Teams tab (its cookies are SameSite=None; Partitioned over HTTPS). */
  set(reply: FastifyReply, value: string, maxAgeSeconds: number, embeddable: boolean): void {
    void reply.setCookie(this.cookie, value, {
      ...cookieAttributes(this.secure, embeddable),
      maxAge: maxAgeSeconds,
    });
  }

  clear(request: FastifyRequest, reply: FastifyReply, embeddable: boolean): void {
    if (request.cookies?.[this.cookie] !== undefined)
      void reply.clearCookie(this.cookie, cookieAttributes(this.secure, embeddable));
  }

  private mac(tenantId: string, body: string): string {
    return createHmac('sha256', this.secret).update(`${tenantId}\n${body}`).digest('base64url');
  }
}
