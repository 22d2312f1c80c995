import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TenantHostsRepository, TenantSettingsRepository, TenantsRepository } from '@guichet/db';
import { publicOrigin, type CreateTenantRequest, type TenantDetail } from '@guichet/types';
import type { DataSource } from 'typeorm';
import { AuditLog } from '../../../platform/audit/audit-log.js';
import { type AppConfig, CONFIG } from '../../../platform/config/config.js';
import { TenantCache } from '../../../platform/tenancy/tenant-cache.service.js';
import { type AdminActor, adminAudit } from '../access/admin-request.js';
import { defaultTenantSettings } from './default-tenant-settings.js';
import { tenantDetail } from './tenant-queries.js';
import { hostTaken } from './tenants.shared.js';

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
      const id = await new TenantsRepository(em).create({
        slug: input.slug,
        name: input.name,
        publicUrl: publicOrigin(this.config, hostName),
      });
      if (!id)
        throw new ConflictException({
          error: 'slug_taken',
          message: `A tenant already has the slug ${input.slug}.`,
          fields: { slug: ['already taken'] },
        });
      const tenant = { id };
      if (!(await new TenantHostsRepository(em).add(id, hostName, true))) throw hostTaken(hostName);
      await new TenantSettingsRepository(em).insert(id, settings);
      const created = (await tenantDetail(em, id))!;
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
