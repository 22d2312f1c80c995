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

// Graceful stop: refuse new connections, finish requests in flight, close pools, exit 0.
let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    void management
      .close()
      .then(() => app.close())
      .then(() => process.exit(0));
  });
}
