import type { TenantId } from '../tenant-id.js';
import type { Queryable } from './queryable.js';

/** A tenant as the admin app lists it: with its host names, the primary first. */
export interface TenantSummaryRow {
  id: string;
  slug: string;
  name: string;
  publicUrl: string;
  status: 'active' | 'disabled';
  createdAt: Date;
  hostNames: string[];
}

/** The admin app's list of tenants (`tenants` with their `tenant_hosts`), by name. */
export class TenantSummariesRepository {
  constructor(private readonly db: Queryable) {}

  /** The tenants given (`'all'` for a platform admin), by name, each with its host names. */
  list(tenants: readonly TenantId[] | 'all'): Promise<TenantSummaryRow[]> {
    return this.db.query(
      `SELECT t.id, t.slug, t.name, t.public_url AS "publicUrl", t.status, t.created_at AS "createdAt",
              coalesce((SELECT array_agg(h.host_name ORDER BY h.is_primary DESC, h.host_name ASC)
                          FROM tenant_hosts h WHERE h.tenant_id = t.id), '{}'::varchar[]) AS "hostNames"
         FROM tenants t
        WHERE $1::boolean OR t.id = ANY($2::uuid[])
        ORDER BY t.name ASC`,
      [tenants === 'all', tenants === 'all' ? [] : tenants],
    );
  }
}
