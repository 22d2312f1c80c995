import Tokens from '@fastify/csrf';
import type { FastifyReply, FastifyRequest } from 'fastify';

const tokens = Tokens();

/**
 * CSRF protection of the portal forms (synchroniser token, @fastify/csrf): a random secret in
 * an HttpOnly cookie of the portal host, and in each form a token derived from it; a POST
 * whose token does not verify against the cookie's secret is refused.
 */
export class PortalCsrf {
  readonly cookieName: string;

  constructor(private readonly secure: boolean) {
    this.cookieName = secure ? '__Host-guichet_csrf' : 'guichet_csrf';
  }

  /** A token for a form; sets the secret cookie when the browser has none. */
  issue(request: FastifyRequest, reply: FastifyReply, thirdPartyFrame = false): string {
    let secret = this.secretOf(request);
    if (!secret) {
      const fresh = tokens.secretSync();
      secret = fresh;
      // In a Teams tab the portal is a third-party frame: only SameSite=None (with Secure, partitioned) reaches it.
      const embedded = thirdPartyFrame && this.secure;
      void reply.setCookie(this.cookieName, fresh, {
        path: '/',
        httpOnly: true,
        secure: this.secure,
        sameSite: embedded ? 'none' : 'lax',
        ...(embedded ? { partitioned: true } : {}),
      });
    }
    return tokens.create(secret);
  }

  verify(request: FastifyRequest): boolean {
    const secret = this.secretOf(request);
    const body = request.body as Record<string, unknown> | undefined;
    const token = body && typeof body === 'object' ? body._csrf : undefined;
    return (
      !!secret && typeof token === 'string' && token.length < 200 && tokens.verify(secret, token)
    );
  }

  private secretOf(request: FastifyRequest): string | null {
    const value = request.cookies?.[this.cookieName];
    return typeof value === 'string' && /^[\w+/=-]{16,100}$/.test(value) ? value : null;
  }
}
