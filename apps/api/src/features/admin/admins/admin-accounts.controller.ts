import { Body, Get, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import {
  type AdminAccountView,
  createAdminRequestSchema,
  updateAdminRequestSchema,
  type UpdateAdminRequest,
} from '@guichet/types';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { ZodValidationPipe } from '../../../platform/common/zod-validation.pipe.js';
import { AdminAccountQueries } from './admin-accounts.queries.js';
import { ADMIN_NOT_FOUND } from './admin-accounts.shared.js';
import { CreateAdmin } from './create-admin.usecase.js';
import { UpdateAdmin } from './update-admin.usecase.js';
import { adminLocale } from '../access/admin-locale.js';
import { Actor, type AdminActor } from '../access/admin-request.js';
import { IdParam } from '../access/id-param.pipe.js';
import { PlatformAdminController } from '../access/admin-controller.js';

/** Admin accounts: platform admins only. */
@PlatformAdminController('admins')
export class AdminAccountsController {
  constructor(
    private readonly queries: AdminAccountQueries,
    private readonly createAdmin: CreateAdmin,
    private readonly updateAdmin: UpdateAdmin,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every admin account (platform admins only)' })
  list(): Promise<AdminAccountView[]> {
    return this.queries.list();
  }

  @Post()
  @ApiOperation({
    summary:
      'Creates an admin account: platform admin, or tenant admin of some tenants (platform admins only); 409 when the email is taken; 400 for a password under the admin floor (12 characters, not common, not the email)',
  })
  create(
    @Actor() actor: AdminActor,
    @Body(new ZodValidationPipe(createAdminRequestSchema))
    body: z.infer<typeof createAdminRequestSchema>,
    @Req() request: FastifyRequest,
  ): Promise<AdminAccountView> {
    return this.createAdmin.execute(actor, body, adminLocale(request));
  }

  @Patch(':adminId')
  @ApiOperation({
    summary:
      'Changes the role, tenants, status (disabled) or password of an admin account (platform admins only); a new password must pass the admin floor and lifts a lockout',
  })
  update(
    @Actor() actor: AdminActor,
    @Param('adminId', new IdParam(ADMIN_NOT_FOUND)) adminId: string,
    @Body(new ZodValidationPipe(updateAdminRequestSchema)) body: UpdateAdminRequest,
    @Req() request: FastifyRequest,
  ): Promise<AdminAccountView> {
    return this.updateAdmin.execute(actor, adminId, body, adminLocale(request));
  }
}
