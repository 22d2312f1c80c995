import type { ReadinessReport } from '@guichet/db';
import Fastify from 'fastify';
import type { Registry } from 'prom-client';

export interface ManagementServerOptions {
  /** MANAGEMENT_HOST: loopback unless an operator opens it to a scraper's network. */
  host: string;
  /** 0 takes a free port (tests). */
  port: number;
  registry: Registry;
  /** The detailed readiness report (which dependency is down, and why). */
  readiness: () => Promise<ReadinessReport>;
}

export interface ManagementServer {
  port: number;
  close(): Promise<void>;
}

/**
 * Metrics and detailed health on a port of their own, apart from the public one: tenant
 * slugs (metric labels) and internal error text stay off every tenant and admin host.
 */
export async function startManagementServer(
  options: ManagementServerOptions,
): Promise<ManagementServer> {
  const http = Fastify();
  http.get('/metrics', async (_request, reply) =>
    reply
      .type(options.registry.contentType)
      .header('cache-control', 'no-store')
      .send(await options.registry.metrics()),
  );
  http.get('/health/live', async () => ({ status: 'ok' }));
  http.get('/health/ready', async (_request, reply) => {
    const report = await options.readiness();
    return reply
      .status(report.status === 'ok' ? 200 : 503)
      .header('cache-control', 'no-store')
      .send(report);
  });
  await http.listen({ port: options.port, host: options.host });
  const address = http.server.address();
  return {
    port: typeof address === 'object' && address ? address.port : options.port,
    close: () => http.close(),
  };
}

/** What the public port says of readiness: the status alone, never which server failed or how. */
export function publicReadiness(report: ReadinessReport): {
  httpStatus: 200 | 503;
  body: { status: ReadinessReport['status'] };
} {
  return { httpStatus: report.status === 'ok' ? 200 : 503, body: { status: report.status } };
}

/** The report of a process that is shutting down: unavailable, whatever its dependencies say. */
export function drainingReport(report: ReadinessReport): ReadinessReport {
  return {
    ...report,
    status: 'unavailable',
    errors: { ...report.errors, shutdown: 'draining: the process received SIGTERM' },
  };
}
