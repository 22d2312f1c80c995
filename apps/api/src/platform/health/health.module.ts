import { Controller, Get, Module, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { publicReadiness } from '@guichet/platform';
import { OnHosts } from '../tenancy/host.js';
import { ReadinessCheck } from './readiness-check.js';

/** Probes on the public port: a status only. Which dependency failed, and why, is on the management port. */
@ApiTags('health')
@OnHosts('any')
@Controller('health')
class HealthController {
  constructor(private readonly readiness: ReadinessCheck) {}

  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /** 200 when PostgreSQL and Redis answer, 503 otherwise. */
  @Get('ready')
  async ready(@Res() reply: FastifyReply) {
    const { httpStatus, body } = publicReadiness(await this.readiness.check());
    return reply.status(httpStatus).header('cache-control', 'no-store').send(body);
  }
}

@Module({ controllers: [HealthController], providers: [ReadinessCheck], exports: [ReadinessCheck] })
export class HealthModule {}
