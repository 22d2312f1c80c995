import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type TenantId,
  TenantHostsRepository,
  TenantSettingsRepository,
  TenantsRepository,
} from '@guichet/db';
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

/** Name, status or public URL of a tenant (platform admins). */
@Injectable()
export class UpdateTenant {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changes: TenantChanges,
  ) {}

  async execute(
    actor: AdminActor,
    tenantId: TenantId,
    input: UpdateTenantRequest,
  ): Promise<TenantDetail> {
    await this.changes.apply(tenantId, actor, async (em) => {
      const tenants = new TenantsRepository(em);
      const before = await tenants.row(tenantId, true);
      const after = {
        name: input.name ?? before!.name,
        status: input.status ?? before!.status,
        publicUrl: input.publicUrl ?? before!.publicUrl,
      };
      const changed = (Object.keys(after) as (keyof typeof after)[]).filter(
        (k) => after[k] !== before![k],
      );
      if (!changed.length) return { result: undefined };
      await tenants.update(tenantId, after);
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

  async execute(actor: AdminActor, tenantId: TenantId, hostName: string): Promise<TenantDetail> {
    if (hostName === this.config.adminHost)
      throw new ConflictException({
        error: 'host_reserved',
        message: 'This host name is the admin app’s.',
        fields: { hostName: ['reserved'] },
      });
    await this.changes.apply(tenantId, actor, async (em) => {
      if (!(await new TenantHostsRepository(em).add(tenantId, hostName, false)))
        throw hostTaken(hostName);
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

  async execute(actor: AdminActor, tenantId: TenantId, hostName: string): Promise<TenantDetail> {
    await this.changes.apply(tenantId, actor, async (em) => {
      const tenantHosts = new TenantHostsRepository(em);
      const hosts = await tenantHosts.lockAll(tenantId);
      const host = hosts.find((h) => h.hostName === hostName.toLowerCase());
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
      await tenantHosts.remove(tenantId, host.hostName);
      if (host.primary) {
        const next = hosts.find((h) => h.hostName !== host.hostName)!;
        await tenantHosts.makePrimary(tenantId, next.hostName);
      }
      return {
        result: undefined,
        audit: {
          action: 'tenant.host.removed',
          targetType: 'host',
          targetId: host.hostName,
          before: { hostName: host.hostName },
          after: null,
        },
      };
    });
    return (await tenantDetail(this.dataSource, tenantId))!;
  }
}
