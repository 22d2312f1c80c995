import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { type TenantId, TenantHostsRepository } from '@guichet/db';
import type { TenantDetail } from '@guichet/types';
import type { AdminActor } from '../access/admin-request.js';
import { TenantChanges } from './tenant-changes.js';
import { Tenants } from './tenants.queries.js';

/** Removes a host name (platform admins); the last one stays (a tenant answers on at least one). */
@Injectable()
export class RemoveTenantHost {
  constructor(
    private readonly tenants: Tenants,
    private readonly changes: TenantChanges,
  ) {}

  async execute(actor: AdminActor, tenantId: TenantId, hostName: string): Promise<TenantDetail> {
    await this.changes.record(tenantId, actor, async (em) => {
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
        action: 'tenant.host.removed',
        targetType: 'host',
        targetId: host.hostName,
        before: { hostName: host.hostName },
        after: null,
      };
    });
    return this.tenants.detail(tenantId);
  }
}
