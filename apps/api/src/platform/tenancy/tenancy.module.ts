import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CurrentTenant } from './current-tenant.js';
import { HostGuard } from './host.js';
import { TenantCache } from './tenant-cache.service.js';
import { TenantController } from './tenant.controller.js';

@Global()
@Module({
  controllers: [TenantController],
  providers: [TenantCache, CurrentTenant, { provide: APP_GUARD, useClass: HostGuard }],
  exports: [TenantCache, CurrentTenant],
})
export class TenancyModule {}
