import { Module } from '@nestjs/common';
import { AccountsModule } from '../admin/users/accounts.module.js';
import { AdminAccessModule } from '../admin/access/admin-access.module.js';
import { DirectoryController } from './directory.controller.js';
import { ApiDirectorySync } from './api-directory-sync.js';
import { DirectoryQueries } from './directory.queries.js';
import { RunDirectorySync } from './run-directory-sync.usecase.js';
import { SaveDirectorySettings } from './save-directory-settings.usecase.js';
import { TestDirectoryConnection } from './test-directory-connection.usecase.js';

/** Directory provisioning through the admin API (the worker runs the scheduled syncs, the CLI its own). */
@Module({
  imports: [AccountsModule, AdminAccessModule],
  controllers: [DirectoryController],
  providers: [
    ApiDirectorySync,
    SaveDirectorySettings,
    TestDirectoryConnection,
    RunDirectorySync,
    DirectoryQueries,
  ],
})
export class DirectoryModule {}
