import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../config/config.js';

/** One year; no includeSubDomains: a tenant's custom domain may be an apex whose other sites we do not own. */
export const HSTS = 'max-age=31536000';

/**
 * Swagger UI at /api/docs: its scripts are files of its own (no inline script, no eval);
 * its page and React components style elements inline, hence 'unsafe-inline' for styles only.
 */
export const API_DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "form-action 'none'",
  "base-uri 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

const isApiDocs = (url: string) =>
  url === '/api/docs' || url.startsWith('/api/docs/') || url.startsWith('/api/docs?');

/** Headers that depend on the deployment rather than on a page: HSTS over https, the docs' CSP. */
export function registerResponseHeaders(
  fastify: FastifyInstance,
  config: Pick<AppConfig, 'PUBLIC_URL_SCHEME'>,
): void {
  const https = config.PUBLIC_URL_SCHEME === 'https';
  fastify.addHook('onSend', (request, reply, payload, done) => {
    // Browsers ignore HSTS over plain http; behind a TLS-terminating proxy the public scheme is what counts.
    if (https) void reply.header('strict-transport-security', HSTS);
    if (isApiDocs(request.url) && !reply.hasHeader('content-security-policy'))
      void reply.header('content-security-policy', API_DOCS_CSP);
    done(null, payload);
  });
}
