import { Module } from '@nestjs/common';
import { AccountsModule } from '../admin/users/accounts.module.js';
import { AdminAuthGuard } from '../admin/access/admin-auth.guard.js';
import { TenantAccessGuard } from '../admin/access/tenant-access.guard.js';
import { DirectoryController } from './directory.controller.js';
import {
  ApiDirectorySync,
  DirectoryRuns,
  RunDirectorySync,
  SaveDirectorySettings,
  TestDirectoryConnection,
} from './directory.usecases.js';

/** Directory provisioning through the admin API (the worker runs the scheduled syncs, the CLI its own). */
@Module({
  imports: [AccountsModule],
  controllers: [DirectoryController],
  providers: [
    AdminAuthGuard,
    TenantAccessGuard,
    ApiDirectorySync,
    SaveDirectorySettings,
    TestDirectoryConnection,
    RunDirectorySync,
    DirectoryRuns,
  ],
})
export class DirectoryModule {}
