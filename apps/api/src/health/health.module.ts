import { Controller, Get, Inject, Module, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { REDIS } from '../redis/redis.module.js';
import { OnHosts } from '../tenancy/host.js';
import { checkDependencies } from '@guichet/db';

@ApiTags('health')
@OnHosts('any')
@Controller('health')
class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /** 200 when PostgreSQL and Redis answer, 503 naming the one that does not. */
  @Get('ready')
  async ready(@Res() reply: FastifyReply) {
    const result = await checkDependencies(this.dataSource, this.redis);
    return reply.status(result.status === 'ok' ? 200 : 503).header('cache-control', 'no-store').send(result);
  }
}

@Module({ controllers: [HealthController] })
export class HealthModule {}
