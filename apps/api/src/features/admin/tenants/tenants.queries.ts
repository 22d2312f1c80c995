import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type TenantId, tenantId, TenantSummariesRepository } from '@guichet/db';
import type { AdminView, SmtpSettingsView, TenantDetail, TenantSummary } from '@guichet/types';
import type { DataSource } from 'typeorm';
import { tenantDetail } from './tenant-queries.js';

/** The tenants as the admin app reads them: the list an administrator may manage, one in detail. */
@Injectable()
export class Tenants {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The tenants the administrator may manage (all of them for a platform admin), by name. */
  async list(admin: Pick<AdminView, 'role' | 'tenantIds'>): Promise<TenantSummary[]> {
    const rows = await new TenantSummariesRepository(this.dataSource).list(
      admin.role === 'platform-admin' ? 'all' : admin.tenantIds.map(tenantId),
    );
    return rows.map((t) => ({ ...t, createdAt: t.createdAt.toISOString() }));
  }

  /** A tenant the request already resolved (the tenant-access guard checked it exists). */
  async detail(id: TenantId): Promise<TenantDetail> {
    return (await tenantDetail(this.dataSource, id))!;
  }

  /** The tenant's SMTP server and sender as an admin sees them (never the password). */
  async smtp(id: TenantId): Promise<SmtpSettingsView> {
    return (await this.detail(id)).smtp;
  }
}
