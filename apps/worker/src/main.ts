import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { checkDependencies } from '@guichet/db';
import {
  createLogger,
  loadConfigOrExit,
  PinoNestLogger,
  publicReadiness,
  startManagementServer,
} from '@guichet/platform';
import Fastify from 'fastify';
import { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { WorkerMetrics } from './metrics.js';
import { checkEvictionPolicy } from './redis-policy.js';
import { WorkerModule } from './worker.module.js';

const config = loadConfigOrExit();
const logger = createLogger(config.LOG_LEVEL, 'guichet-worker');

let policyProblem: string | null;
try {
  policyProblem = await checkEvictionPolicy(config.REDIS_URL);
} catch (error) {
  policyProblem = `Cannot reach Redis at ${config.REDIS_URL}: ${(error as Error).message}`;
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
const redis = new Redis(config.REDIS_URL, {
  maxRetriesPerRequest: 1,
  connectionName: 'guichet-worker-health',
});
const metrics = app.get(WorkerMetrics);
const readiness = () => checkDependencies(dataSource, redis);
const http = Fastify();
http.get('/health/live', async () => ({ status: 'ok' }));
http.get('/health/ready', async (_request, reply) => {
  const { httpStatus, body } = publicReadiness(await readiness());
  return reply.status(httpStatus).header('cache-control', 'no-store').send(body);
});
await http.listen({ port: config.WORKER_HEALTH_PORT, host: config.HOST });
const management = await startManagementServer({
  host: config.MANAGEMENT_HOST,
  port: config.WORKER_MANAGEMENT_PORT,
  registry: metrics.registry,
  readiness,
});
logger.info(
  `guichet-worker consuming emails (concurrency ${config.WORKER_CONCURRENCY}); health on :${config.WORKER_HEALTH_PORT}, metrics and detailed health on ${config.MANAGEMENT_HOST}:${management.port}`,
);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: finishing jobs in flight`);
    void (async () => {
      await Promise.all([http.close(), management.close()]);
      await app.close(); // closes the BullMQ worker after its active jobs
      redis.disconnect();
      process.exit(0);
    })();
  });
}
