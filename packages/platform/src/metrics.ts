import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One registry per process, with Node's default metrics. */
export function createRegistry(app: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ app });
  collectDefaultMetrics({ register: registry });
  return registry;
}

export function httpDurationHistogram(
  registry: Registry,
): Histogram<'method' | 'route' | 'status' | 'tenant'> {
  return new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by tenant and route',
    labelNames: ['method', 'route', 'status', 'tenant'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
}
