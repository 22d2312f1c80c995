import { Logger } from '@nestjs/common';
import { startManagementServer } from '@guichet/platform';
import type { Registry } from 'prom-client';
import { loadConfigOrExit } from './platform/config/config.js';
import { createApp } from './bootstrap.js';
import { ReadinessCheck } from './platform/health/readiness-check.js';
import { METRICS_REGISTRY } from './platform/metrics/metrics.module.js';

const config = loadConfigOrExit();
const app = await createApp(config);
await app.listen({ port: config.PORT, host: config.HOST });
const readiness = app.get(ReadinessCheck);
const management = await startManagementServer({
  host: config.MANAGEMENT_HOST,
  port: config.MANAGEMENT_PORT,
  registry: app.get<Registry>(METRICS_REGISTRY),
  readiness: () => readiness.check(),
});
new Logger('Management').log(
  `metrics and detailed health on ${config.MANAGEMENT_HOST}:${management.port}`,
);

// Graceful drain, as an orchestrator expects it: on SIGTERM /health/ready answers 503 at
// once and the API goes on serving for SHUTDOWN_GRACE_SECONDS (load balancers see the 503
// and stop routing here, requests already on their way still land); then the server stops
// accepting connections, finishes the requests in flight, closes its pools and exits 0.
const drainLogger = new Logger('Shutdown');
let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    readiness.startDraining();
    drainLogger.log(
      `${signal}: not ready; serving ${config.SHUTDOWN_GRACE_SECONDS}s more, then closing`,
    );
    const force = setTimeout(() => process.exit(1), (config.SHUTDOWN_GRACE_SECONDS + 20) * 1000);
    force.unref();
    void new Promise((resolve) => setTimeout(resolve, config.SHUTDOWN_GRACE_SECONDS * 1000))
      // The server first (no new connection; the requests in flight finish), then the
      // rest of the application (background work held, queues, pools).
      .then(() => app.getHttpAdapter().close())
      .then(() => app.close())
      .then(() => management.close())
      .then(() => process.exit(0));
  });
}
