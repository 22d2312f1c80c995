import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type TenantDetail } from '@guichet/types';
import type { DataSource } from 'typeorm';
import { type AppConfig, CONFIG } from '../../../platform/config/config.js';
import { type AdminActor } from '../access/admin-request.js';
import { TenantChanges } from './tenant-changes.js';
import { tenantDetail } from './tenant.queries.js';
import { hostTaken } from './tenant.shared.js';

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
