import { Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces } from '@nestjs/swagger';
import { type AuditEventView, auditQuerySchema, type Page } from '@guichet/types';
import type { FastifyReply } from 'fastify';
import { ZodValidationPipe } from '../../../platform/common/zod-validation.pipe.js';
import { RouteTenant } from '../access/admin-request.js';
import { type AuditQuery, AuditQueries, type AuditScope } from './audit.queries.js';
import type { AdminTenant } from '../access/tenant-access.guard.js';
import { PlatformAdminController, TenantAdminController } from '../access/admin-controller.js';

const auditQuery = new ZodValidationPipe(auditQuerySchema);

function sendCsv(
  reply: FastifyReply,
  queries: AuditQueries,
  scope: AuditScope,
  query: AuditQuery,
  name: string,
): FastifyReply {
  const stamp = new Date().toISOString().slice(0, 10);
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="audit-${name}-${stamp}.csv"`)
    .header('cache-control', 'no-store')
    .send(queries.csv(scope, query));
}

/** A tenant's audit log: who did what, when, with before/after; filters and CSV export. */
@TenantAdminController()
export class TenantAuditController {
  constructor(private readonly queries: AuditQueries) {}

  @Get('audit')
  @ApiOperation({
    summary:
      'The tenant’s audit events, newest first; filters: action (prefix), actor (email or id), from, to',
  })
  list(
    @RouteTenant() tenant: AdminTenant,
    @Query(auditQuery) query: AuditQuery,
  ): Promise<Page<AuditEventView>> {
    return this.queries.page({ tenantId: tenant.id }, query);
  }

  @Get('audit.csv')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The tenant’s audit events as CSV, with the same filters' })
  csv(
    @RouteTenant() tenant: AdminTenant,
    @Query(auditQuery) query: AuditQuery,
    @Res() reply: FastifyReply,
  ): FastifyReply {
    return sendCsv(reply, this.queries, { tenantId: tenant.id }, query, tenant.slug);
  }
}

/** Platform events (tenants created, admin accounts, admin sign-ins): platform admins only. */
@PlatformAdminController()
export class PlatformAuditController {
  constructor(private readonly queries: AuditQueries) {}

  @Get('audit')
  @ApiOperation({
    summary:
      'Platform audit events (no tenant): tenants created, admin accounts, admin sign-ins (platform admins)',
  })
  list(@Query(auditQuery) query: AuditQuery): Promise<Page<AuditEventView>> {
    return this.queries.page({ platform: true }, query);
  }

  @Get('audit.csv')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Platform audit events as CSV (platform admins)' })
  csv(@Query(auditQuery) query: AuditQuery, @Res() reply: FastifyReply): FastifyReply {
    return sendCsv(reply, this.queries, { platform: true }, query, 'platform');
  }
}
