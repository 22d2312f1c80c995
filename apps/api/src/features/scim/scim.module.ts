import { Module } from '@nestjs/common';
import { AccountsModule } from '../admin/users/accounts.module.js';
import { AdminAuthGuard } from '../admin/access/admin-auth.guard.js';
import { TenantAccessGuard } from '../admin/access/tenant-access.guard.js';
import { CreateScimUser } from './create-scim-user.usecase.js';
import { DeleteScimUser } from './delete-scim-user.usecase.js';
import { GetScimUser, ListScimUsers } from './list-scim-users.usecase.js';
import { ScimAuthGuard } from './scim-auth.guard.js';
import { ScimTokensController } from './scim-tokens.controller.js';
import { ScimUsersController } from './scim-users.controller.js';
import { UpdateScimUser } from './update-scim-user.usecase.js';

/** SCIM 2.0 on the tenant hosts (`/scim/v2`), and its tokens in the admin API. */
@Module({
  imports: [AccountsModule],
  controllers: [ScimUsersController, ScimTokensController],
  providers: [
    ScimAuthGuard,
    ListScimUsers,
    GetScimUser,
    CreateScimUser,
    UpdateScimUser,
    DeleteScimUser,
    AdminAuthGuard,
    TenantAccessGuard,
  ],
})
export class ScimModule {}
