import { Module, type OnModuleInit } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AccountsModule } from '../admin/users/accounts.module.js';
import { AdminAccessModule } from '../admin/access/admin-access.module.js';
import { registerErrorFormat } from '../../platform/common/api-exception.filter.js';
import { scimErrorFormat } from './scim-error.js';
import { CreateScimToken } from './create-scim-token.usecase.js';
import { RevokeScimToken } from './revoke-scim-token.usecase.js';
import { ScimTokens } from './scim-tokens.queries.js';
import { CreateScimUser } from './create-scim-user.usecase.js';
import { DeleteScimUser } from './delete-scim-user.usecase.js';
import { ScimUsers } from './scim-users.queries.js';
import { ScimAuthGuard } from './scim-auth.guard.js';
import { ScimTokensController } from './scim-tokens.controller.js';
import { ScimUsersController } from './scim-users.controller.js';
import { UpdateScimUser } from './update-scim-user.usecase.js';

/** SCIM 2.0 on the tenant hosts (`/scim/v2`), and its tokens in the admin API. */
@Module({
  imports: [AccountsModule, AdminAccessModule],
  controllers: [ScimUsersController, ScimTokensController],
  providers: [
    ScimAuthGuard,
    ScimUsers,
    CreateScimUser,
    UpdateScimUser,
    DeleteScimUser,
    ScimTokens,
    // Plain classes (the CLI builds them too): built on the pool here.
    ...[CreateScimToken, RevokeScimToken].map((useCase) => ({
      provide: useCase,
      inject: [getDataSourceToken()],
      useFactory: (dataSource: DataSource) => new useCase(dataSource),
    })),
  ],
})
export class ScimModule implements OnModuleInit {
  /** Errors under /scim/v2 (unknown routes and unreadable bodies too) leave in the SCIM error schema. */
  onModuleInit(): void {
    registerErrorFormat(scimErrorFormat);
  }
}
