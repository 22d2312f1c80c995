import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AdminAuthGuard } from '../admin/admin-auth.guard.js';
import { AccountImportController } from './account-import.controller.js';
import { ImportAccounts } from './import-accounts.usecase.js';

/** Account import through the admin API (the CLI runs the same use case without Nest). */
@Module({
  controllers: [AccountImportController],
  providers: [AdminAuthGuard, { provide: ImportAccounts, inject: [getDataSourceToken()], useFactory: (dataSource: DataSource) => new ImportAccounts(dataSource) }],
  exports: [ImportAccounts],
})
export class AccountsModule {}
