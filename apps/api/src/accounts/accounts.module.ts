import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AdminAuthGuard } from '../admin/admin-auth.guard.js';
import { EmailOutbox } from '../outbox/email-outbox.js';
import { TenantAccessGuard } from '../admin/tenant-access.guard.js';
import { OidcModule } from '../oidc/oidc.module.js';
import { AccountImportController } from './account-import.controller.js';
import { DisableAccount } from './disable-account.usecase.js';
import { ImportAccounts } from './import-accounts.usecase.js';
import { TenantUsersController } from './tenant-users.controller.js';
import { ChangeUserStatus, SendUserReset, TenantUsers } from './tenant-users.usecases.js';

/** A tenant's accounts through the admin API: import, search, status, reset links (the CLI runs the import without Nest). */
@Module({
  imports: [OidcModule],
  controllers: [AccountImportController, TenantUsersController],
  providers: [
    AdminAuthGuard,
    TenantAccessGuard,
    TenantUsers,
    ChangeUserStatus,
    SendUserReset,
    DisableAccount,
    {
      provide: ImportAccounts,
      inject: [getDataSourceToken(), EmailOutbox, DisableAccount],
      useFactory: (dataSource: DataSource, outbox: EmailOutbox, leavers: DisableAccount) =>
        new ImportAccounts(dataSource, outbox, leavers),
    },
  ],
  exports: [ImportAccounts, DisableAccount],
})
export class AccountsModule {}
