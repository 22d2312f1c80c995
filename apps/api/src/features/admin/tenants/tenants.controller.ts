import { Body, Controller, Delete, Get, Param, Patch, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Tenant, TenantHost } from '@guichet/db';
import {
  type AddHostRequest,
  addHostRequestSchema,
  type CreateTenantRequest,
  createTenantRequestSchema,
  hostNameSchema,
  type TenantDetail,
  type TenantSummary,
  updateTenantRequestSchema,
} from '@guichet/types';
import type { FastifyRequest } from 'fastify';
import { type DataSource, In } from 'typeorm';
import type { z } from 'zod';
import { ZodValidationPipe } from '../../../platform/common/zod-validation.pipe.js';
import { OnHosts } from '../../../platform/tenancy/host.js';
import { AdminAuthGuard, PlatformAdminOnly } from '../access/admin-auth.guard.js';
import { Actor, type AdminActor, RouteTenant } from '../access/admin-request.js';
import { type AdminTenant, TenantAccessGuard } from '../access/tenant-access.guard.js';
import { tenantDetail } from './tenant-queries.js';
import { AddTenantHost, CreateTenant, RemoveTenantHost, UpdateTenant } from './tenant.usecases.js';

/** Tenants and their host names. Creating and changing them is for platform admins. */
@ApiTags('admin')
@OnHosts('admin')
@Controller('api/v1/admin/tenants')
@UseGuards(AdminAuthGuard)
@ApiBearerAuth()
export class TenantsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly createTenant: CreateTenant,
    private readonly updateTenant: UpdateTenant,
    private readonly addHost: AddTenantHost,
    private readonly removeHost: RemoveTenantHost,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Tenants the administrator may manage (all of them for a platform admin)',
  })
  async list(@Req() request: FastifyRequest): Promise<TenantSummary[]> {
    const admin = request.admin!;
    const where = admin.role === 'platform-admin' ? {} : { id: In(admin.tenantIds) };
    const tenants = await this.dataSource
      .getRepository(Tenant)
      .find({ where, order: { name: 'ASC' } });
    const hosts = tenants.length
      ? await this.dataSource.getRepository(TenantHost).find({
          where: { tenantId: In(tenants.map((t) => t.id)) },
          order: { isPrimary: 'DESC', hostName: 'ASC' },
        })
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

  @Post()
  @PlatformAdminOnly()
  @ApiOperation({
    summary:
      'Creates a tenant with default settings and the host {slug}.{BASE_DOMAIN} (platform admins); 409 when the slug or host is taken',
  })
  create(
    @Actor() actor: AdminActor,
    @Body(new ZodValidationPipe(createTenantRequestSchema)) body: CreateTenantRequest,
  ): Promise<TenantDetail> {
    return this.createTenant.execute(actor, body);
  }

  @Get(':tenantId')
  @UseGuards(TenantAccessGuard)
  @ApiOperation({
    summary:
      'A tenant with its settings, host names, SMTP settings (never the password) and version',
  })
  async get(@RouteTenant() tenant: AdminTenant): Promise<TenantDetail> {
    return (await tenantDetail(this.dataSource, tenant.id))!;
  }

  @Patch(':tenantId')
  @PlatformAdminOnly()
  @UseGuards(TenantAccessGuard)
  @ApiOperation({
    summary:
      'Changes the name, status (a disabled tenant answers 404 on its hosts) or public URL of a tenant (platform admins)',
  })
  update(
    @Actor() actor: AdminActor,
    @RouteTenant() tenant: AdminTenant,
    @Body(new ZodValidationPipe(updateTenantRequestSchema))
    body: z.infer<typeof updateTenantRequestSchema>,
  ): Promise<TenantDetail> {
    return this.updateTenant.execute(actor, tenant.id, body);
  }

  @Post(':tenantId/hosts')
  @PlatformAdminOnly()
  @UseGuards(TenantAccessGuard)
  @ApiOperation({
    summary: 'Adds a host name (custom domain) to a tenant (platform admins); 409 when it is taken',
  })
  addHostName(
    @Actor() actor: AdminActor,
    @RouteTenant() tenant: AdminTenant,
    @Body(new ZodValidationPipe(addHostRequestSchema)) body: AddHostRequest,
  ): Promise<TenantDetail> {
    return this.addHost.execute(actor, tenant.id, body.hostName);
  }

  @Delete(':tenantId/hosts/:hostName')
  @PlatformAdminOnly()
  @UseGuards(TenantAccessGuard)
  @ApiOperation({
    summary: 'Removes a host name of a tenant (platform admins); 409 for its last one',
  })
  removeHostName(
    @Actor() actor: AdminActor,
    @RouteTenant() tenant: AdminTenant,
    @Param('hostName') hostName: string,
  ): Promise<TenantDetail> {
    const parsed = hostNameSchema.safeParse(hostName);
    return this.removeHost.execute(actor, tenant.id, parsed.success ? parsed.data : hostName);
  }
}
