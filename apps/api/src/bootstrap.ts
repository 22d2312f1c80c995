import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import fastifyCookie from '@fastify/cookie';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyBaseLogger } from 'fastify';
import type { Registry } from 'prom-client';
import { CSV_CONTENT_TYPES } from './features/admin/users/account-import.controller.js';
import { AdminStatic, DEFAULT_ADMIN_DIST } from './platform/admin-app/admin-static.js';
import { BRANDING_UPLOAD_CONTENT_TYPES } from './features/admin/settings/branding-assets.controller.js';
import { AppModule } from './app.module.js';
import { ApiExceptionFilter } from './platform/common/api-exception.filter.js';
import { createLogger, PinoNestLogger } from '@guichet/platform';
import type { AppConfig } from './platform/config/config.js';
import { loadSigningKey } from './platform/crypto/signing-key.js';
import { lazyChild } from './platform/request/lazy-request-logger.js';
import { clientRequestIdOf } from './platform/request/request-meta.js';
import { httpDurationHistogram } from '@guichet/platform';
import { METRICS_REGISTRY } from './platform/metrics/metrics.module.js';
import { registerOidcProvider } from './features/oidc/oidc-mount.js';
import { ClientLimits } from './platform/security/client-limits.js';
import { OidcProviders } from './features/oidc/oidc-providers.js';
import { OidcUserinfo } from './features/oidc/oidc-userinfo.js';
import { registerResponseHeaders } from './platform/security/response-headers.js';
import { registerHostResolution } from './platform/tenancy/host-resolution.hook.js';
import { TenantCache } from './platform/tenancy/tenant-cache.service.js';

export const BODY_LIMIT_BYTES = 64 * 1024;
/** Admin API bodies: an email template may hold 150,000 characters (subject, html, text). */
export const ADMIN_BODY_LIMIT_BYTES = 1024 * 1024;

/** Each request's logger: our id (`reqId`), and a client's X-Request-Id beside it when it sent a sane one. */
function withClientRequestId(
  parent: FastifyBaseLogger,
  bindings: Parameters<FastifyBaseLogger['child']>[0],
  options: Parameters<FastifyBaseLogger['child']>[1],
  raw: { headers: IncomingHttpHeaders },
): FastifyBaseLogger {
  const clientRequestId = clientRequestIdOf(raw.headers);
  // Lazy: the pino child is made only if the request logs something at an enabled level.
  return lazyChild(parent, clientRequestId ? { ...bindings, clientRequestId } : bindings, options);
}

/** Builds the API application (not listening yet): used by main.ts and by the tests. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const logger = createLogger(config.LOG_LEVEL, 'guichet-api');
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    trustProxy: config.trustedProxies.length ? config.trustedProxies : false,
    bodyLimit: BODY_LIMIT_BYTES,
    // Our own id, always: the audit log and our logs must not carry an id a client chose
    // (a client's X-Request-Id is logged beside it, as `clientRequestId`).
    genReqId: () => randomUUID(),
    childLoggerFactory: withClientRequestId,
    routerOptions: { ignoreTrailingSlash: true },
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(
      config,
      loadSigningKey(config.JWT_PRIVATE_KEY, config.NODE_ENV === 'production'),
    ),
    adapter,
    {
      logger: new PinoNestLogger(logger),
      abortOnError: false,
    },
  );
  const fastify = app.getHttpAdapter().getInstance();
  // Registered before Nest adds its routes (on init): every admin route gets the larger limit.
  fastify.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/v1/admin/') && route.bodyLimit === undefined)
      route.bodyLimit = ADMIN_BODY_LIMIT_BYTES;
  });
  await app.register(fastifyCookie);
  // CSV uploads (account import) reach their handler as a stream: it reads them line by
  // line and enforces its own size limit (IMPORT_BODY_LIMIT_BYTES), not BODY_LIMIT_BYTES.
  fastify.addContentTypeParser(CSV_CONTENT_TYPES, (_request, payload, done) => done(null, payload));
  // SCIM clients (Microsoft Entra ID) send application/scim+json: JSON, with Fastify's own parser.
  fastify.addContentTypeParser(
    'application/scim+json',
    { parseAs: 'string' },
    fastify.getDefaultJsonParser('error', 'error'),
  );
  // Logo and favicon uploads: the image itself as the body, within the admin body limit
  // (the handler applies the smaller limit of each kind and tells the format from the bytes).
  for (const type of BRANDING_UPLOAD_CONTENT_TYPES)
    fastify.addContentTypeParser(type, { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );
  registerHostResolution(
    fastify,
    config,
    app.get(TenantCache),
    new AdminStatic(config.ADMIN_DIST_DIR ?? DEFAULT_ADMIN_DIST, config.adminFrameSources),
  );
  const registry = app.get<Registry>(METRICS_REGISTRY);
  const providers = app.get(OidcProviders);
  const userinfo = new OidcUserinfo(providers.payloads, config.OIDC_USERINFO_FAST_PATH, registry);
  registerOidcProvider(fastify, providers, app.get(ClientLimits), userinfo);

  const duration = httpDurationHistogram(registry);
  // One labelled child per (method, route, status, tenant), kept: prom-client hashes a label
  // object on every observe. Callback hooks, not async ones: no promise per request.
  const series = new Map<string, ReturnType<typeof duration.labels>>();
  fastify.addHook('onResponse', (request, reply, done) => {
    const host = request.hostKind;
    const route = request.routeOptions.url ?? 'unmatched';
    const status = reply.statusCode;
    const tenant = host?.kind === 'tenant' ? host.tenant.slug : (host?.kind ?? 'none');
    const key = `${request.method} ${status} ${tenant} ${route}`;
    let child = series.get(key);
    if (!child) {
      child = duration.labels(request.method, route, String(status), tenant);
      series.set(key, child);
    }
    child.observe(reply.elapsedTime / 1000);
    done();
  });
  fastify.addHook('onSend', (request, reply, payload, done) => {
    void reply.header('x-request-id', request.id);
    done(null, payload);
  });
  registerResponseHeaders(fastify, config);

  app.useGlobalFilters(new ApiExceptionFilter());

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Guichet API')
      .setDescription(
        'Multi-tenant identity service for institutional service desks. Tenant endpoints answer on the tenant host; admin endpoints on admin.{BASE_DOMAIN}.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
  return app;
}
