import type { FastifyInstance, FastifyReply } from 'fastify';
import { requestMeta } from '../../platform/request/request-meta.js';
import type { ClientLimits } from '../../platform/security/client-limits.js';
import { TooManyRequestsException } from '../../platform/security/too-many-requests.exception.js';
import type { OidcProviders } from './oidc-providers.js';
import type { OidcUserinfo } from './oidc-userinfo.js';
import { isProviderPath, OIDC_ROUTES } from './oidc-routes.js';

/**
 * Hands the provider's endpoints on tenant hosts to the tenant's oidc-provider (a Koa app)
 * before Fastify parses the body: the provider reads its own. Runs after host resolution,
 * so other hosts never reach it and the issuer is the resolved tenant's.
 */
export function registerOidcProvider(
  fastify: FastifyInstance,
  providers: OidcProviders,
  limits: ClientLimits,
  userinfo: OidcUserinfo,
): void {
  fastify.addHook('onRequest', async (request, reply) => {
    if (request.hostKind?.kind !== 'tenant') return;
    const path = request.url.split('?', 1)[0]!;
    if (!isProviderPath(path)) return;
    const { tenant } = request.hostKind;
    // The token endpoint checks client secrets: a budget of requests, and of wrong secrets, per address.
    const tokenRequest = path === OIDC_ROUTES.token;
    const meta = requestMeta(request);
    if (tokenRequest) {
      try {
        await limits.assertUnder('oidc-client-auth-ip', meta);
        await limits.consume('oidc-token-ip', tenant, meta);
      } catch (error) {
        if (error instanceof TooManyRequestsException) return tooManyTokenRequests(reply, error);
        throw error;
      }
    }
    const handle = await providers.handler(tenant);
    // The provider builds its endpoint URLs from the request's origin: make it the tenant's
    // public base URL (as reset links are), whatever Host or X-Forwarded-* the request had.
    const publicUrl = new URL(tenant.publicUrl);
    request.raw.headers['x-forwarded-host'] = publicUrl.host;
    request.raw.headers['x-forwarded-proto'] = publicUrl.protocol.slice(0, -1);
    reply.hijack();
    reply.raw.setHeader('x-request-id', request.id);
    // A plain bearer token at userinfo: the provider's answer without the provider (oidc-userinfo.ts).
    if (path === OIDC_ROUTES.userinfo && (await userinfo.answer(tenant, request.raw, reply.raw)))
      return;
    await handle(request.raw, reply.raw);
    // invalid_client is the token endpoint's only 401.
    if (tokenRequest && reply.raw.statusCode === 401)
      await limits.countFailure('oidc-client-auth-ip', tenant, meta);
  });
}

/** The OAuth error format (RFC 6749 §5.2), with the status and Retry-After of a rate limit. */
function tooManyTokenRequests(reply: FastifyReply, error: TooManyRequestsException): FastifyReply {
  const message = (error.getResponse() as { message?: string }).message ?? 'Too many requests.';
  return reply
    .status(429)
    .header('retry-after', error.headers['retry-after'])
    .header('cache-control', 'no-store')
    .type('application/json; charset=utf-8')
    .send({ error: 'temporarily_unavailable', error_description: message });
}
