import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { checkDependencies } from '@guichet/db';
import { createLogger, loadConfigOrExit, PinoNestLogger } from '@guichet/platform';
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

const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: new PinoNestLogger(logger) });

// Health and metrics only.
const dataSource = app.get<DataSource>(getDataSourceToken());
const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, connectionName: 'guichet-worker-health' });
const metrics = app.get(WorkerMetrics);
const http = Fastify();
http.get('/health/live', async () => ({ status: 'ok' }));
http.get('/health/ready', async (_request, reply) => {
  const report = await checkDependencies(dataSource, redis);
  return reply.status(report.status === 'ok' ? 200 : 503).send(report);
});
http.get('/metrics', async (_request, reply) => reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()));
await http.listen({ port: config.WORKER_HEALTH_PORT, host: config.HOST });
logger.info(`guichet-worker consuming emails (concurrency ${config.WORKER_CONCURRENCY}); health on :${config.WORKER_HEALTH_PORT}`);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: finishing jobs in flight`);
    void (async () => {
      await http.close();
      await app.close(); // closes the BullMQ worker after its active jobs
      redis.disconnect();
      process.exit(0);
    })();
  });
}
