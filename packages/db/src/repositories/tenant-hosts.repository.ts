import type { TenantId } from '../tenant-id.js';
import { type Queryable } from './queryable.js';

/** The host names a tenant's portal answers on (`tenant_hosts`); a host name is global. */
export class TenantHostsRepository {
  constructor(private readonly db: Queryable) {}

  in(db: Queryable): TenantHostsRepository {
    return new TenantHostsRepository(db);
  }

  /** Adds a host name; false when any tenant already has it. */
  async add(tenant: TenantId, hostName: string, primary: boolean): Promise<boolean> {
    const rows = await this.db.query<{ id: string }[]>(
      'INSERT INTO tenant_hosts (tenant_id, host_name, is_primary) VALUES ($1, $2, $3) ON CONFLICT (host_name) DO NOTHING RETURNING id',
      [tenant, hostName, primary],
    );
    return rows.length > 0;
  }

  /** The tenant's host names under lock, oldest first. */
  lockAll(tenant: TenantId): Promise<{ hostName: string; primary: boolean }[]> {
    return this.db.query(
      'SELECT host_name AS "hostName", is_primary AS primary FROM tenant_hosts WHERE tenant_id = $1 ORDER BY created_at FOR UPDATE',
      [tenant],
    );
  }

  async remove(tenant: TenantId, hostName: string): Promise<void> {
    await this.db.query('DELETE FROM tenant_hosts WHERE tenant_id = $1 AND host_name = $2', [
      tenant,
      hostName,
    ]);
  }

  async makePrimary(tenant: TenantId, hostName: string): Promise<void> {
    await this.db.query(
      'UPDATE tenant_hosts SET is_primary = true WHERE tenant_id = $1 AND host_name = $2',
      [tenant, hostName],
    );
  }
}
