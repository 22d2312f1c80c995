import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { checkDependencies, type ReadinessReport } from '@guichet/db';
import { drainingReport, pingRedis, type RedisClient } from '@guichet/platform';
import type { DataSource } from 'typeorm';
import { REDIS } from '../redis/redis.module.js';

/**
 * PostgreSQL and Redis (every master of a cluster) answer, and the process is not draining:
 * the detailed report, for the management port.
 */
@Injectable()
export class ReadinessCheck {
  private draining = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: RedisClient,
  ) {}

  /** SIGTERM: from now on /health/ready says 503, so load balancers stop sending requests here. */
  startDraining(): void {
    this.draining = true;
  }

  async check(): Promise<ReadinessReport> {
    const report = await checkDependencies(this.dataSource, { ping: () => pingRedis(this.redis) });
    return this.draining ? drainingReport(report) : report;
  }
}
