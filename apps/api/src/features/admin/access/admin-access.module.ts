import { Module } from '@nestjs/common';
import { AdminAuthGuard } from './admin-auth.guard.js';
import { TenantAccessGuard } from './tenant-access.guard.js';

/**
 * The guards of the admin API, registered once: every module with an admin controller
 * (admin, its users, OpenID clients) imports this module instead of providing them again.
 */
@Module({
  providers: [AdminAuthGuard, TenantAccessGuard],
  exports: [AdminAuthGuard, TenantAccessGuard],
})
export class AdminAccessModule {}
