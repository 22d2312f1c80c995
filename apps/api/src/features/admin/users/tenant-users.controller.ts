import { Body, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import {
  type AdminUserView,
  type Page,
  type SendResetRequest,
  sendResetRequestSchema,
  type SendResetResponse,
  userListQuerySchema,
} from '@guichet/types';
import type { z } from 'zod';
import { Actor, type AdminActor, RouteTenant } from '../access/admin-request.js';
import { IdParam } from '../access/id-param.pipe.js';
import type { AdminTenant } from '../access/tenant-access.guard.js';
import { ZodValidationPipe } from '../../../platform/common/zod-validation.pipe.js';
import { ChangeUserStatus } from './change-user-status.usecase.js';
import { SendUserReset } from './send-user-reset.usecase.js';
import { TenantUsers } from './tenant-users.queries.js';
import { USER_NOT_FOUND } from './tenant-users.shared.js';
import { TenantAdminController } from '../access/admin-controller.js';

const userId = new IdParam(USER_NOT_FOUND);

/** A tenant's accounts in the admin API: search, status, disable/enable, unlock, send a reset link. */
@TenantAdminController('users')
export class TenantUsersController {
  constructor(
    private readonly users: TenantUsers,
    private readonly changeStatus: ChangeUserStatus,
    private readonly sendReset: SendUserReset,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'The tenant’s accounts, by username; q searches username, names, email and external id; status: active, disabled, locked, enrolled, not-enrolled',
  })
  list(
    @RouteTenant() tenant: AdminTenant,
    @Query(new ZodValidationPipe(userListQuerySchema)) query: z.infer<typeof userListQuerySchema>,
  ): Promise<Page<AdminUserView>> {
    return this.users.list(tenant.id, query);
  }

  @Get(':userId')
  @ApiOperation({ summary: 'One account of the tenant' })
  get(
    @RouteTenant() tenant: AdminTenant,
    @Param('userId', userId) id: string,
  ): Promise<AdminUserView> {
    return this.users.get(tenant.id, id);
  }

  @Post(':userId/disable')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Disables the account: sign-in refused, sessions revoked, pending links voided; audited',
  })
  disable(
    @Actor() actor: AdminActor,
    @RouteTenant() tenant: AdminTenant,
    @Param('userId', userId) id: string,
  ): Promise<AdminUserView> {
    return this.changeStatus.execute(actor, tenant.id, id, 'disable');
  }

  @Post(':userId/enable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Enables the account again; audited' })
  enable(
    @Actor() actor: AdminActor,
    @RouteTenant() tenant: AdminTenant,
    @Param('userId', userId) id: string,
  ): Promise<AdminUserView> {
    return this.changeStatus.execute(actor, tenant.id, id, 'enable');
  }

  @Post(':userId/unlock')
  @HttpCode(200)
  @ApiOperation({ summary: 'Lifts a lockout after failed sign-ins; audited' })
  unlock(
    @Actor() actor: AdminActor,
    @RouteTenant() tenant: AdminTenant,
    @Param('userId', userId) id: string,
  ): Promise<AdminUserView> {
    return this.changeStatus.execute(actor, tenant.id, id, 'unlock');
  }

  @Post(':userId/send-reset')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Emails the account a reset link (an enrolment link when not enrolled) at its stored address, through the outbox; audited',
  })
  sendResetLink(
    @Actor() actor: AdminActor,
    @RouteTenant() tenant: AdminTenant,
    @Param('userId', userId) id: string,
    @Body(new ZodValidationPipe(sendResetRequestSchema, { optionalBody: true }))
    body: SendResetRequest,
  ): Promise<SendResetResponse> {
    return this.sendReset.execute(actor, tenant.id, id, body.locale);
  }
}
