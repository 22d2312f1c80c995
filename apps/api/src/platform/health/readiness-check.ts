import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { checkDependencies, type ReadinessReport } from '@guichet/db';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { REDIS } from '../redis/redis.module.js';

/** PostgreSQL and Redis answer: the detailed report, for the management port. */
@Injectable()
export class ReadinessCheck {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  check(): Promise<ReadinessReport> {
    return checkDependencies(this.dataSource, this.redis);
  }
}
