import { loadConfigOrExit } from './config/config.js';
import { createApp } from './bootstrap.js';

const config = loadConfigOrExit();
const app = await createApp(config);
await app.listen({ port: config.PORT, host: config.HOST });

// Graceful stop: refuse new connections, finish requests in flight, close pools, exit 0.
let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    void app.close().then(() => process.exit(0));
  });
}
