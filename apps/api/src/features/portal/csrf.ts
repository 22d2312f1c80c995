import { randomFillSync } from 'node:crypto';
import Tokens from '@fastify/csrf';
import type { FastifyReply, FastifyRequest } from 'fastify';

const tokens = Tokens();

/** Bytes of a secret: @fastify/csrf's own length (18, 24 characters in base64url). */
const SECRET_BYTES = 18;
/** Secrets drawn from one buffer of the CSPRNG, each byte used once (as Node pools randomUUID). */
const pool = Buffer.alloc(SECRET_BYTES * 256);
let poolOffset = pool.length;

/**
 * A fresh secret: what `tokens.secretSync()` gives, without its randomBytes call per secret
 * (every first visit makes one; under load the syscalls were 3 % of GET /login).
 */
function freshSecret(): string {
  if (poolOffset + SECRET_BYTES > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const secret = pool.toString('base64url', poolOffset, poolOffset + SECRET_BYTES);
  poolOffset += SECRET_BYTES;
  return secret;
}

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
      const fresh = freshSecret();
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
