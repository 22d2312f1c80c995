import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { checkDependencies } from '@guichet/db';
import {
  checkEvictionPolicy,
  createLogger,
  createRedisClient,
  describeRedis,
  drainingReport,
  loadConfigOrExit,
  pingRedis,
  PinoNestLogger,
  publicReadiness,
  startManagementServer,
  startProbeServer,
} from '@guichet/platform';
import type { DataSource } from 'typeorm';
import { WorkerMetrics } from './metrics.js';
import { WorkerModule } from './worker.module.js';

const config = loadConfigOrExit();
const logger = createLogger(config.LOG_LEVEL, 'guichet-worker');

let policyProblem: string | null;
try {
  policyProblem = await checkEvictionPolicy(config.redis);
} catch (error) {
  policyProblem = `Cannot reach Redis (${describeRedis(config.redis)}): ${(error as Error).message}`;
}
if (policyProblem) {
  logger.fatal(policyProblem);
  process.stderr.write(`${policyProblem}\n`);
  process.exit(1);
}

const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
  logger: new PinoNestLogger(logger),
});

// Probes on the public port (a status only); metrics and the detailed report on the management port.
const dataSource = app.get<DataSource>(getDataSourceToken());
const redis = createRedisClient(config.redis, {
  maxRetriesPerRequest: 1,
  connectionName: 'guichet-worker-health',
});
redis.on('error', () => undefined); // reported by the readiness check
const metrics = app.get(WorkerMetrics);
let draining = false;
const readiness = async () => {
  const report = await checkDependencies(dataSource, { ping: () => pingRedis(redis) });
  return draining ? drainingReport(report) : report;
};
const http = await startProbeServer(
  {
    '/health/live': () => ({ body: { status: 'ok' } }),
    '/health/ready': async () => {
      const { httpStatus, body } = publicReadiness(await readiness());
      return { status: httpStatus, headers: { 'cache-control': 'no-store' }, body };
    },
  },
  { port: config.WORKER_HEALTH_PORT, host: config.HOST },
);
const management = await startManagementServer({
  host: config.MANAGEMENT_HOST,
  port: config.WORKER_MANAGEMENT_PORT,
  registry: metrics.registry,
  readiness,
});
logger.info(
  `guichet-worker consuming emails (concurrency ${config.WORKER_CONCURRENCY}) on Redis ${describeRedis(config.redis)}; health on :${config.WORKER_HEALTH_PORT}, metrics and detailed health on ${config.MANAGEMENT_HOST}:${management.port}`,
);

// On SIGTERM: not ready at once, no new job taken, the jobs in flight finish and record
// their result, the reconciler's lease is given back, then the process exits 0.
let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    draining = true;
    logger.info(`${signal}: finishing jobs in flight`);
    void (async () => {
      await app.close(); // closes the BullMQ worker after its active jobs
      await Promise.all([http.close(), management.close()]);
      redis.disconnect();
      process.exit(0);
    })();
  });
}
