import { Global, Module } from '@nestjs/common';
import { createRegistry } from '@guichet/platform';

export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');

/** The process's registry; it is served on the management port (main.ts), never on a public host. */
@Global()
@Module({
  providers: [{ provide: METRICS_REGISTRY, useFactory: () => createRegistry('api') }],
  exports: [METRICS_REGISTRY],
})
export class MetricsModule {}
