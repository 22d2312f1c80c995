import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AdminAccessModule } from '../access/admin-access.module.js';
import { EmailOutbox } from '../../../platform/outbox/email-outbox.js';
import { OidcModule } from '../../oidc/oidc.module.js';
import { AccountImportController } from './account-import.controller.js';
import { DisableAccount } from './disable-account.usecase.js';
import { ImportAccounts } from './import-accounts.usecase.js';
import { TenantUsersController } from './tenant-users.controller.js';
import { SessionLiveness } from '../../auth/session-liveness.js';
import { ChangeUserStatus } from './change-user-status.usecase.js';
import { SendUserReset } from './send-user-reset.usecase.js';
import { TenantUsers } from './tenant-users.queries.js';

/** A tenant's accounts through the admin API: import, search, status, reset links (the CLI runs the import without Nest). */
@Module({
  imports: [OidcModule, AdminAccessModule],
  controllers: [AccountImportController, TenantUsersController],
  providers: [
    TenantUsers,
    ChangeUserStatus,
    DisableAccount,
    SendUserReset,
    {
      provide: ImportAccounts,
      inject: [getDataSourceToken(), EmailOutbox, SessionLiveness, DisableAccount],
      useFactory: (
        dataSource: DataSource,
        outbox: EmailOutbox,
        liveness: SessionLiveness,
        leavers: DisableAccount,
      ) =>
        new ImportAccounts(
          dataSource,
          outbox,
          (tenantId) => liveness.ended(tenantId, null),
          leavers,
        ),
    },
  ],
  exports: [ImportAccounts, DisableAccount],
})
export class AccountsModule {}
