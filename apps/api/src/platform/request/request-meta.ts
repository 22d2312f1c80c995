import { isLocale, type Locale } from '@guichet/types';
import type { FastifyRequest } from 'fastify';
import { canonicalIp } from '../security/networks.js';
import type { TenantContext } from '../tenancy/tenant-context.js';

/** Who sent a request, as the audit log and the rate limits see it. */
export interface RequestMeta {
  /**
   * The client address. Fastify follows X-Forwarded-For only through the proxies listed in
   * TRUSTED_PROXIES; otherwise this is the peer address of the connection.
   */
  ip: string | null;
  userAgent: string | null;
  /** Our id of the request (never the client's X-Request-Id). */
  requestId: string;
}

/**
 * The client's X-Request-Id, for the logs only: kept when it is a short token of safe
 * characters, never trusted as our own id.
 */
export function clientRequestIdOf(
  headers: Record<string, string | string[] | undefined>,
): string | null {
  const given = headers['x-request-id'];
  return typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : null;
}

export function requestMeta(request: FastifyRequest): RequestMeta {
  const agent = request.headers['user-agent'];
  return {
    ip: canonicalIp(request.ip),
    userAgent: typeof agent === 'string' ? agent.slice(0, 500) : null,
    requestId: String(request.id).slice(0, 100),
  };
}

/**
 * The language of a reply: an explicit choice (body `locale`), then `?lang=`, then the
 * `lang` cookie, then Accept-Language, then the tenant default; only the tenant's locales.
 */
export function requestLocale(
  request: FastifyRequest,
  tenant: TenantContext,
  explicit?: Locale,
): Locale {
  const enabled = (l: unknown): l is Locale => isLocale(l) && tenant.settings.locales.includes(l);
  if (enabled(explicit)) return explicit;
  const query = (request.query as Record<string, unknown> | undefined)?.lang;
  if (enabled(query)) return query;
  const cookie = request.cookies?.lang;
  if (enabled(cookie)) return cookie;
  const found = acceptedLanguages(request).find(enabled);
  if (found) return found;
  return tenant.settings.defaultLocale;
}

/** The two-letter languages of the Accept-Language header, most preferred first (q=0 left out). */
export function acceptedLanguages(request: FastifyRequest): string[] {
  const accept = request.headers['accept-language'];
  if (typeof accept !== 'string') return [];
  return accept
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.trim().slice(0, 2).toLowerCase(), q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((e) => Number.isFinite(e.q) && e.q > 0)
    .sort((a, b) => b.q - a.q)
    .map((e) => e.lang);
}
