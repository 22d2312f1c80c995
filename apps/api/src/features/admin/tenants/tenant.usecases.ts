import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  publicOrigin,
  type CreateTenantRequest,
  type TenantDetail,
  type UpdateTenantRequest,
} from '@guichet/types';
import type { DataSource } from 'typeorm';
import { AuditLog } from '../../../platform/audit/audit-log.js';
import { type AppConfig, CONFIG } from '../../../platform/config/config.js';
import { TenantCache } from '../../../platform/tenancy/tenant-cache.service.js';
import { type AdminActor, adminAudit } from '../access/admin-request.js';
import { defaultTenantSettings } from './default-tenant-settings.js';
import { TenantChanges } from './tenant-changes.js';
import { tenantDetail } from './tenant-queries.js';

const hostTaken = (hostName: string) =>
  new ConflictException({
    error: 'host_taken',
    message: `The host name ${hostName} already answers for a tenant.`,
    fields: { hostName: ['already in use'] },
  });

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

/** Name, status or public URL of a tenant (platform admins). */
@Injectable()
export class UpdateTenant {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changes: TenantChanges,
  ) {}

  async execute(
    actor: AdminActor,
    tenantId: string,
    input: UpdateTenantRequest,
  ): Promise<TenantDetail> {
    await this.changes.apply(tenantId, actor, async (em) => {
      const [before] = await em.query<{ name: string; status: string; publicUrl: string }[]>(
        'SELECT name, status, public_url AS "publicUrl" FROM tenants WHERE id = $1 FOR UPDATE',
        [tenantId],
      );
      const after = {
        name: input.name ?? before!.name,
        status: input.status ?? before!.status,
        publicUrl: input.publicUrl ?? before!.publicUrl,
      };
      const changed = (Object.keys(after) as (keyof typeof after)[]).filter(
        (k) => after[k] !== before![k],
      );
      if (!changed.length) return { result: undefined };
      await em.query(
        'UPDATE tenants SET name = $2, status = $3, public_url = $4, updated_at = now() WHERE id = $1',
        [tenantId, after.name, after.status, after.publicUrl],
      );
      return {
        result: undefined,
        audit: {
          action: 'tenant.updated',
          before: Object.fromEntries(changed.map((k) => [k, before![k]])),
          after: Object.fromEntries(changed.map((k) => [k, after[k]])),
        },
      };
    });
    return (await tenantDetail(this.dataSource, tenantId))!;
  }
}

/** Another host name (a custom domain) for a tenant (platform admins). */
@Injectable()
export class AddTenantHost {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changes: TenantChanges,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(actor: AdminActor, tenantId: string, hostName: string): Promise<TenantDetail> {
    if (hostName === this.config.adminHost)
      throw new ConflictException({
        error: 'host_reserved',
        message: 'This host name is the admin app’s.',
        fields: { hostName: ['reserved'] },
      });
    await this.changes.apply(tenantId, actor, async (em) => {
      const [row] = await em.query<{ id: string }[]>(
        `INSERT INTO tenant_hosts (tenant_id, host_name, is_primary) VALUES ($1, $2, false) ON CONFLICT (host_name) DO NOTHING RETURNING id`,
        [tenantId, hostName],
      );
      if (!row) throw hostTaken(hostName);
      return {
        result: undefined,
        audit: {
          action: 'tenant.host.added',
          targetType: 'host',
          targetId: hostName,
          before: null,
          after: { hostName },
        },
      };
    });
    return (await tenantDetail(this.dataSource, tenantId))!;
  }
}

/** Removes a host name (platform admins); the last one stays (a tenant answers on at least one). */
@Injectable()
export class RemoveTenantHost {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changes: TenantChanges,
  ) {}

  async execute(actor: AdminActor, tenantId: string, hostName: string): Promise<TenantDetail> {
    await this.changes.apply(tenantId, actor, async (em) => {
      const hosts = await em.query<{ host_name: string; is_primary: boolean }[]>(
        'SELECT host_name, is_primary FROM tenant_hosts WHERE tenant_id = $1 ORDER BY created_at FOR UPDATE',
        [tenantId],
      );
      const host = hosts.find((h) => h.host_name === hostName.toLowerCase());
      if (!host)
        throw new NotFoundException({
          error: 'not_found',
          message: 'This tenant has no such host name.',
        });
      if (hosts.length === 1)
        throw new ConflictException({
          error: 'last_host',
          message: 'A tenant keeps at least one host name: add another one first.',
        });
      await em.query('DELETE FROM tenant_hosts WHERE tenant_id = $1 AND host_name = $2', [
        tenantId,
        host.host_name,
      ]);
      if (host.is_primary) {
        const next = hosts.find((h) => h.host_name !== host.host_name)!;
        await em.query(
          'UPDATE tenant_hosts SET is_primary = true WHERE tenant_id = $1 AND host_name = $2',
          [tenantId, next.host_name],
        );
      }
      return {
        result: undefined,
        audit: {
          action: 'tenant.host.removed',
          targetType: 'host',
          targetId: host.host_name,
          before: { hostName: host.host_name },
          after: null,
        },
      };
    });
    return (await tenantDetail(this.dataSource, tenantId))!;
  }
}
