import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AdminAccessModule } from '../access/admin-access.module.js';
import { EmailOutbox } from '../../../platform/outbox/email-outbox.js';
import { OidcModule } from '../../oidc/oidc.module.js';
import { AccountImportController } from './account-import.controller.js';
import { ImportAccounts } from './import-accounts.usecase.js';
import { TenantUsersController } from './tenant-users.controller.js';
import { ChangeUserStatus, SendUserReset, TenantUsers } from './tenant-users.usecases.js';

/** A tenant's accounts through the admin API: import, search, status, reset links (the CLI runs the import without Nest). */
@Module({
  imports: [OidcModule, AdminAccessModule],
  controllers: [AccountImportController, TenantUsersController],
  providers: [
    TenantUsers,
    ChangeUserStatus,
    SendUserReset,
    {
      provide: ImportAccounts,
      inject: [getDataSourceToken(), EmailOutbox],
      useFactory: (dataSource: DataSource, outbox: EmailOutbox) =>
        new ImportAccounts(dataSource, outbox),
    },
  ],
  exports: [ImportAccounts],
})
export class AccountsModule {}
