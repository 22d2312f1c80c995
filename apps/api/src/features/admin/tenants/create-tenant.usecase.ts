import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { publicOrigin, type CreateTenantRequest, type TenantDetail } from '@guichet/types';
import type { DataSource } from 'typeorm';
import { AuditLog } from '../../../platform/audit/audit-log.js';
import { type AppConfig, CONFIG } from '../../../platform/config/config.js';
import { TenantCache } from '../../../platform/tenancy/tenant-cache.service.js';
import { type AdminActor, adminAudit } from '../access/admin-request.js';
import { defaultTenantSettings } from './default-tenant-settings.js';
import { tenantDetail } from './tenant.queries.js';
import { hostTaken } from './tenant.shared.js';

/** A new tenant (platform admins): default settings, the host `{slug}.{BASE_DOMAIN}`, its public URL. */
@Injectable()
export class CreateTenant {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly cache: TenantCache,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(actor: AdminActor, input: CreateTenantRequest): Promise<TenantDetail> {
    const hostName = `${input.slug}.${this.config.BASE_DOMAIN}`;
    const settings = defaultTenantSettings({
      name: input.name,
      slug: input.slug,
      baseDomain: this.config.BASE_DOMAIN,
      defaultLocale: input.defaultLocale,
    });
    const detail = await this.dataSource.transaction(async (em) => {
      const [tenant] = await em.query<{ id: string }[]>(
        `INSERT INTO tenants (slug, name, public_url) VALUES ($1, $2, $3) ON CONFLICT (slug) DO NOTHING RETURNING id`,
        [input.slug, input.name, publicOrigin(this.config, hostName)],
      );
      if (!tenant)
        throw new ConflictException({
          error: 'slug_taken',
          message: `A tenant already has the slug ${input.slug}.`,
          fields: { slug: ['already taken'] },
        });
      const [host] = await em.query<{ id: string }[]>(
        `INSERT INTO tenant_hosts (tenant_id, host_name, is_primary) VALUES ($1, $2, true) ON CONFLICT (host_name) DO NOTHING RETURNING id`,
        [tenant.id, hostName],
      );
      if (!host) throw hostTaken(hostName);
      await em.query(
        `INSERT INTO tenant_settings (tenant_id, settings, smtp, version) VALUES ($1, $2::jsonb, NULL, 1)`,
        [tenant.id, JSON.stringify(settings)],
      );
      const created = (await tenantDetail(em, tenant.id))!;
      // A platform event: the tenant's own admins do not exist yet.
      await this.audit.recordIn(em, {
        ...adminAudit(actor, null, 'tenant.created'),
        targetType: 'tenant',
        targetId: tenant.id,
        details: {
          slug: created.slug,
          name: created.name,
          publicUrl: created.publicUrl,
          hostNames: created.hostNames,
          defaultLocale: settings.defaultLocale,
        },
      });
      return created;
    });
    // The host may be cached as unknown by every API process.
    await this.cache.invalidate(detail.id);
    return detail;
  }
}
