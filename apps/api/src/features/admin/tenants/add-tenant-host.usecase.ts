import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { type TenantId, TenantHostsRepository } from '@guichet/db';
import type { TenantDetail } from '@guichet/types';
import { type AppConfig, CONFIG } from '../../../platform/config/config.js';
import type { AdminActor } from '../access/admin-request.js';
import { TenantChanges } from './tenant-changes.js';
import { Tenants } from './tenants.queries.js';
import { hostTaken } from './tenants.shared.js';

/** Another host name (a custom domain) for a tenant (platform admins). */
@Injectable()
export class AddTenantHost {
  constructor(
    private readonly tenants: Tenants,
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
    await this.changes.record(tenantId, actor, async (em) => {
      if (!(await new TenantHostsRepository(em).add(tenantId, hostName, false)))
        throw hostTaken(hostName);
      return {
        action: 'tenant.host.added',
        targetType: 'host',
        targetId: hostName,
        before: null,
        after: { hostName },
      };
    });
    return this.tenants.detail(tenantId);
  }
}
