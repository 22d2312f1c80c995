import { Body, Controller, Get, Param, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { type AdminAccountView, createAdminRequestSchema, updateAdminRequestSchema, type UpdateAdminRequest } from '@guichet/types';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import { ZodValidationPipe } from '../common/zod-validation.pipe.js';
import { OnHosts } from '../tenancy/host.js';
import { ADMIN_NOT_FOUND, CreateAdmin, listAdmins, UpdateAdmin } from './admin-accounts.usecases.js';
import { AdminAuthGuard, PlatformAdminOnly } from './admin-auth.guard.js';
import { Actor, type AdminActor } from './admin-request.js';
import { IdParam } from './id-param.pipe.js';

/** Admin accounts: platform admins only. */
@ApiTags('admin')
@OnHosts('admin')
@Controller('api/v1/admin/admins')
@UseGuards(AdminAuthGuard)
@PlatformAdminOnly()
@ApiBearerAuth()
export class AdminAccountsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly createAdmin: CreateAdmin,
    private readonly updateAdmin: UpdateAdmin,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every admin account (platform admins only)' })
  list(): Promise<AdminAccountView[]> {
    return listAdmins(this.dataSource);
  }

  @Post()
  @ApiOperation({ summary: 'Creates an admin account: platform admin, or tenant admin of some tenants (platform admins only); 409 when the email is taken' })
  create(@Actor() actor: AdminActor, @Body(new ZodValidationPipe(createAdminRequestSchema)) body: z.infer<typeof createAdminRequestSchema>): Promise<AdminAccountView> {
    return this.createAdmin.execute(actor, body);
  }

  @Patch(':adminId')
  @ApiOperation({ summary: 'Changes the role, tenants, status (disabled) or password of an admin account (platform admins only)' })
  update(
    @Actor() actor: AdminActor,
    @Param('adminId', new IdParam(ADMIN_NOT_FOUND)) adminId: string,
    @Body(new ZodValidationPipe(updateAdminRequestSchema)) body: UpdateAdminRequest,
  ): Promise<AdminAccountView> {
    return this.updateAdmin.execute(actor, adminId, body);
  }
}
