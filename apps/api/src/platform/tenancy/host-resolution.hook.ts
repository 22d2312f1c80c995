import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AdminStatic } from '../admin-app/admin-static.js';
import type { AppConfig } from '../config/config.js';
import { withBindings } from '../request/lazy-request-logger.js';
import { isTenantHostName, normalizeHost } from './host.js';
import type { TenantCache } from './tenant-cache.service.js';
import type { TenantContext } from './tenant-context.js';

const UNKNOWN_HOST_HTML = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Portail introuvable – Portal not found – Portal não encontrado</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5}h1{font-size:1.5rem}</style></head>
<body><main>
<h1>Portail introuvable</h1><p>Cette adresse ne correspond à aucun portail. Vérifiez le lien fourni par votre établissement.</p>
<h2 lang="en">Portal not found</h2><p lang="en">This address does not match any portal. Check the link your institution gave you.</p>
<h2 lang="pt">Portal não encontrado</h2><p lang="pt">Este endereço não corresponde a nenhum portal. Verifique a ligação fornecida pela sua instituição.</p>
</main></body></html>`;

const UNAVAILABLE_HTML = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Service momentanément indisponible – Service temporarily unavailable – Serviço temporariamente indisponível</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5}h1{font-size:1.5rem}</style></head>
<body><main>
<h1>Service momentanément indisponible</h1><p>Réessayez dans un instant.</p>
<h2 lang="en">Service temporarily unavailable</h2><p lang="en">Try again in a moment.</p>
<h2 lang="pt">Serviço temporariamente indisponível</h2><p lang="pt">Tente novamente dentro de momentos.</p>
</main></body></html>`;

/** Paths that answer on any host (load balancers probe by IP); metrics live on the management port only. */
const isOperational = (path: string) => path.startsWith('/health/');
/** Longer than any host name plus a port: not worth normalizing. */
const MAX_HOST_HEADER = 260;

export function wantsHtml(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return accept.includes('text/html') && !request.url.startsWith('/api/');
}

function sendUnknownHost(request: FastifyRequest, reply: FastifyReply) {
  void reply.status(404).header('cache-control', 'no-store');
  if (wantsHtml(request)) return reply.type('text/html; charset=utf-8').send(UNKNOWN_HOST_HTML);
  return reply.send({ error: 'unknown_host', message: 'No portal answers on this host name.' });
}

/** The tenant could not be looked up (database away): a retryable 503 that names no server and no error. */
function sendUnavailable(request: FastifyRequest, reply: FastifyReply) {
  void reply.status(503).header('cache-control', 'no-store').header('retry-after', '5');
  if (wantsHtml(request)) return reply.type('text/html; charset=utf-8').send(UNAVAILABLE_HTML);
  return reply.send({
    error: 'unavailable',
    message: 'The service is temporarily unavailable. Try again in a moment.',
  });
}

/**
 * Resolves the tenant (or the admin host) from the Host header before any route runs.
 * `request.hostname` follows X-Forwarded-Host only when trusted proxies are configured.
 */
export function registerHostResolution(
  fastify: FastifyInstance,
  config: AppConfig,
  tenants: TenantCache,
  adminApp: AdminStatic,
): void {
  fastify.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?', 1)[0]!;
    if (isOperational(path)) return;
    // On no public host, not even as the admin app's fallback page: scrapers get a plain answer.
    if (path === '/metrics')
      return reply.status(404).send({ error: 'not_found', message: 'Not found.' });
    const raw = request.host;
    const host = raw && raw.length <= MAX_HOST_HEADER ? normalizeHost(raw) : null;
    if (host === config.adminHost) {
      request.hostKind = { kind: 'admin' };
      // The admin app itself; its API lives under /api/.
      if (
        (request.method === 'GET' || request.method === 'HEAD') &&
        !path.startsWith('/api/') &&
        adminApp.available
      ) {
        return adminApp.serve(path, reply);
      }
      return;
    }
    let tenant: TenantContext | null = null;
    if (host && isTenantHostName(host)) {
      try {
        tenant = await tenants.resolve(host);
      } catch (error) {
        request.log.error({ err: error }, 'tenant lookup failed');
        return sendUnavailable(request, reply);
      }
    }
    if (!tenant || tenant.status !== 'active') return sendUnknownHost(request, reply);
    request.hostKind = { kind: 'tenant', tenant };
    request.log = withBindings(request.log, { tenant: tenant.slug });
  });
}
