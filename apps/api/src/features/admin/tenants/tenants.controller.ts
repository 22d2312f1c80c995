import { Body, Delete, Get, Param, Patch, Post, Req, UseGuards } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
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
import type { z } from 'zod';
import { ZodValidationPipe } from '../../../platform/common/zod-validation.pipe.js';
import { PlatformAdminOnly } from '../access/admin-auth.guard.js';
import { Actor, type AdminActor, RouteTenant } from '../access/admin-request.js';
import { type AdminTenant, TenantAccessGuard } from '../access/tenant-access.guard.js';
import { AddTenantHost } from './add-tenant-host.usecase.js';
import { CreateTenant } from './create-tenant.usecase.js';
import { RemoveTenantHost } from './remove-tenant-host.usecase.js';
import { Tenants } from './tenants.queries.js';
import { UpdateTenant } from './update-tenant.usecase.js';
import { AdminApiController } from '../access/admin-controller.js';

/** Tenants and their host names. Creating and changing them is for platform admins. */
@AdminApiController('tenants')
export class TenantsController {
  constructor(
    private readonly tenants: Tenants,
    private readonly createTenant: CreateTenant,
    private readonly updateTenant: UpdateTenant,
    private readonly addHost: AddTenantHost,
    private readonly removeHost: RemoveTenantHost,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Tenants the administrator may manage (all of them for a platform admin)',
  })
  list(@Req() request: FastifyRequest): Promise<TenantSummary[]> {
    return this.tenants.list(request.admin!);
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
  get(@RouteTenant() tenant: AdminTenant): Promise<TenantDetail> {
    return this.tenants.detail(tenant.id);
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
