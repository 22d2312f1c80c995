import type { BrandingAssetKind, BrandingAssetType, TenantSettings } from '@guichet/types';
import { type TenantId, tenantId } from '../tenant-id.js';
import { one, type Queryable } from './queryable.js';
import type { SmtpRow } from './tenant-settings.repository.js';

export interface TenantRow {
  id: TenantId;
  slug: string;
  name: string;
  publicUrl: string;
  status: 'active' | 'disabled';
}

/** A tenant as a request sees it: with its settings, their version and its uploaded images. */
export interface TenantWithSettings extends TenantRow {
  settings: TenantSettings;
  version: number;
  assets: Partial<Record<BrandingAssetKind, { sha256: string; contentType: BrandingAssetType }>>;
}

/** A tenant as the admin API shows it (its hosts, SMTP settings and images). */
export interface TenantDetailRow extends TenantRow {
  createdAt: Date;
  updatedAt: Date;
  settings: TenantSettings;
  smtp: SmtpRow;
  version: number;
  hostNames: string[];
  assets: {
    kind: BrandingAssetKind;
    contentType: BrandingAssetType;
    size: number;
    sha256: string;
    updatedAt: string;
  }[];
}

const ROW = 't.id, t.slug, t.name, t.public_url AS "publicUrl", t.status';
const WITH_SETTINGS = `${ROW}, s.settings, s.version,
  coalesce((SELECT jsonb_object_agg(a.kind, jsonb_build_object('sha256', a.sha256, 'contentType', a.content_type))
              FROM tenant_assets a WHERE a.tenant_id = t.id), '{}'::jsonb) AS assets
  FROM tenants t JOIN tenant_settings s ON s.tenant_id = t.id`;

const branded = <T extends { id: string }>(row: T | null) =>
  row ? { ...row, id: tenantId(row.id) } : null;

/**
 * The tenants (`tenants`, a platform table) and the reads that join what they own. The only
 * place a `TenantId` comes out of the database: the id of a row found here is a tenant's.
 */
export class TenantsRepository {
  constructor(private readonly db: Queryable) {}

  in(db: Queryable): TenantsRepository {
    return new TenantsRepository(db);
  }

  async byHost(hostName: string): Promise<TenantWithSettings | null> {
    return branded(
      await one<TenantWithSettings>(
        this.db,
        `SELECT ${WITH_SETTINGS} JOIN tenant_hosts h ON h.tenant_id = t.id WHERE h.host_name = $1`,
        [hostName],
      ),
    );
  }

  async byId(id: string): Promise<TenantWithSettings | null> {
    return branded(
      await one<TenantWithSettings>(this.db, `SELECT ${WITH_SETTINGS} WHERE t.id = $1`, [id]),
    );
  }

  async bySlug(slug: string): Promise<TenantWithSettings | null> {
    return branded(
      await one<TenantWithSettings>(this.db, `SELECT ${WITH_SETTINGS} WHERE t.slug = $1`, [slug]),
    );
  }

  /** The tenant's own row (no settings), under lock for a change when asked. */
  async row(id: string, lock = false): Promise<TenantRow | null> {
    return branded(
      await one<TenantRow>(
        this.db,
        `SELECT ${ROW} FROM tenants t WHERE t.id = $1${lock ? ' FOR UPDATE' : ''}`,
        [id],
      ),
    );
  }

  /** The tenants among `ids` (all of them when null), by name, with their host names. */
  async list(
    ids: readonly string[] | null,
  ): Promise<(TenantRow & { createdAt: Date; hostNames: string[] })[]> {
    const rows = await this.db.query<(TenantRow & { createdAt: Date; hostNames: string[] })[]>(
      `SELECT ${ROW}, t.created_at AS "createdAt",
              ARRAY(SELECT h.host_name FROM tenant_hosts h WHERE h.tenant_id = t.id ORDER BY h.is_primary DESC, h.host_name)::text[] AS "hostNames"
         FROM tenants t WHERE $1::uuid[] IS NULL OR t.id = ANY($1::uuid[]) ORDER BY t.name`,
      [ids],
    );
    return rows.map((r) => ({ ...r, id: tenantId(r.id) }));
  }

  /** Which of `ids` are tenants. */
  async existing(ids: readonly string[]): Promise<TenantId[]> {
    const rows = await this.db.query<{ id: string }[]>(
      'SELECT id FROM tenants WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return rows.map((r) => tenantId(r.id));
  }

  async detail(tenant: TenantId): Promise<TenantDetailRow | null> {
    return branded(
      await one<TenantDetailRow>(
        this.db,
        `SELECT ${ROW}, t.created_at AS "createdAt",
                GREATEST(t.updated_at, s.updated_at) AS "updatedAt", s.settings, s.smtp, s.version,
                ARRAY(SELECT h.host_name FROM tenant_hosts h WHERE h.tenant_id = t.id ORDER BY h.is_primary DESC, h.host_name)::text[] AS "hostNames",
                coalesce((SELECT jsonb_agg(jsonb_build_object('kind', a.kind, 'contentType', a.content_type, 'size', a.byte_size, 'sha256', a.sha256, 'updatedAt', a.updated_at))
                   FROM tenant_assets a WHERE a.tenant_id = t.id), '[]'::jsonb) AS assets
           FROM tenants t JOIN tenant_settings s ON s.tenant_id = t.id
          WHERE t.id = $1`,
        [tenant],
      ),
    );
  }

  /** A new tenant; null when the slug is taken. */
  async create(input: { slug: string; name: string; publicUrl: string }): Promise<TenantId | null> {
    const row = await one<{ id: string }>(
      this.db,
      'INSERT INTO tenants (slug, name, public_url) VALUES ($1, $2, $3) ON CONFLICT (slug) DO NOTHING RETURNING id',
      [input.slug, input.name, input.publicUrl],
    );
    return row ? tenantId(row.id) : null;
  }

  async update(
    tenant: TenantId,
    fields: Pick<TenantRow, 'name' | 'status' | 'publicUrl'>,
  ): Promise<void> {
    await this.db.query(
      'UPDATE tenants SET name = $2, status = $3, public_url = $4, updated_at = now() WHERE id = $1',
      [tenant, fields.name, fields.status, fields.publicUrl],
    );
  }
}
