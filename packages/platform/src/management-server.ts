import type { ReadinessReport } from '@guichet/db';
import type { Registry } from 'prom-client';
import { type ProbeServer, startProbeServer } from './probe-server.js';

export interface ManagementServerOptions {
  /** MANAGEMENT_HOST: loopback unless an operator opens it to a scraper's network. */
  host: string;
  /** 0 takes a free port (tests). */
  port: number;
  registry: Registry;
  /** The detailed readiness report (which dependency is down, and why). */
  readiness: () => Promise<ReadinessReport>;
}

export type ManagementServer = ProbeServer;

/**
 * Metrics and detailed health on a port of their own, apart from the public one: tenant
 * slugs (metric labels) and internal error text stay off every tenant and admin host.
 */
export async function startManagementServer(
  options: ManagementServerOptions,
): Promise<ManagementServer> {
  return startProbeServer(
    {
      '/metrics': async () => ({
        headers: { 'content-type': options.registry.contentType, 'cache-control': 'no-store' },
        body: await options.registry.metrics(),
      }),
      '/health/live': () => ({ body: { status: 'ok' } }),
      '/health/ready': async () => {
        const report = await options.readiness();
        return {
          status: report.status === 'ok' ? 200 : 503,
          headers: { 'cache-control': 'no-store' },
          body: report,
        };
      },
    },
    options,
  );
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
