import { Controller, Get, Global, Inject, Module, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Registry } from 'prom-client';
import { OnHosts } from '../tenancy/host.js';
import { createRegistry } from '@guichet/platform';

export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');

@ApiExcludeController()
@OnHosts('any')
@Controller('metrics')
class MetricsController {
  constructor(@Inject(METRICS_REGISTRY) private readonly registry: Registry) {}
  @Get()
  async metrics(@Res() reply: FastifyReply) {
    return reply.type(this.registry.contentType).send(await this.registry.metrics());
  }
}

@Global()
@Module({
  controllers: [MetricsController],
  providers: [{ provide: METRICS_REGISTRY, useFactory: () => createRegistry('api') }],
  exports: [METRICS_REGISTRY],
})
export class MetricsModule {}
