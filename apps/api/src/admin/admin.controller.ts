import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Tenant, TenantHost } from '@guichet/db';
import { adminLoginRequestSchema, type AdminLoginRequest, type AdminLoginResponse, type AdminView, type TenantSummary } from '@guichet/types';
import type { FastifyRequest } from 'fastify';
import { type DataSource, In } from 'typeorm';
import { ZodValidationPipe } from '../common/zod-validation.pipe.js';
import { OnHosts } from '../tenancy/host.js';
import { AdminAuthGuard } from './admin-auth.guard.js';
import { AdminLogin } from './admin-login.usecase.js';

@ApiTags('admin')
@OnHosts('admin')
@Controller('api/v1/admin')
export class AdminController {
  constructor(
    private readonly login: AdminLogin,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign an administrator in; returns a bearer token for the admin API' })
  signIn(@Body(new ZodValidationPipe(adminLoginRequestSchema)) body: AdminLoginRequest): Promise<AdminLoginResponse> {
    return this.login.execute(body);
  }

  @Get('me')
  @UseGuards(AdminAuthGuard)
  @ApiBearerAuth()
  me(@Req() request: FastifyRequest): AdminView {
    return request.admin!;
  }

  @Get('tenants')
  @UseGuards(AdminAuthGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Tenants the administrator may manage (all of them for a platform admin)' })
  async tenants(@Req() request: FastifyRequest): Promise<TenantSummary[]> {
    const admin = request.admin!;
    const where = admin.role === 'platform-admin' ? {} : { id: In(admin.tenantIds) };
    const tenants = await this.dataSource.getRepository(Tenant).find({ where, order: { name: 'ASC' } });
    const hosts = tenants.length
      ? await this.dataSource.getRepository(TenantHost).find({ where: { tenantId: In(tenants.map((t) => t.id)) }, order: { isPrimary: 'DESC', hostName: 'ASC' } })
      : [];
    return tenants.map((t) => ({
      id: t.id,
      slug: t.slug,
      name: t.name,
      publicUrl: t.publicUrl,
      status: t.status,
      hostNames: hosts.filter((h) => h.tenantId === t.id).map((h) => h.hostName),
      createdAt: t.createdAt.toISOString(),
    }));
  }
}
