import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type TenantDetail } from '@guichet/types';
import type { DataSource } from 'typeorm';
import { type AdminActor } from '../access/admin-request.js';
import { TenantChanges } from './tenant-changes.js';
import { tenantDetail } from './tenant.queries.js';

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
