import type { FastifyInstance } from 'fastify';
import type { OidcProviders } from './oidc-providers.js';
import { isProviderPath } from './oidc-routes.js';

/**
 * Hands the provider's endpoints on tenant hosts to the tenant's oidc-provider (a Koa app)
 * before Fastify parses the body: the provider reads its own. Runs after host resolution,
 * so other hosts never reach it and the issuer is the resolved tenant's.
 */
export function registerOidcProvider(fastify: FastifyInstance, providers: OidcProviders): void {
  fastify.addHook('onRequest', async (request, reply) => {
    if (request.hostKind?.kind !== 'tenant') return;
    if (!isProviderPath(request.url.split('?', 1)[0]!)) return;
    const { tenant } = request.hostKind;
    const handle = await providers.handler(tenant);
    // The provider builds its endpoint URLs from the request's origin: make it the tenant's
    // public base URL (as reset links are), whatever Host or X-Forwarded-* the request had.
    const publicUrl = new URL(tenant.publicUrl);
    request.raw.headers['x-forwarded-host'] = publicUrl.host;
    request.raw.headers['x-forwarded-proto'] = publicUrl.protocol.slice(0, -1);
    reply.hijack();
    reply.raw.setHeader('x-request-id', request.id);
    await handle(request.raw, reply.raw);
  });
}
