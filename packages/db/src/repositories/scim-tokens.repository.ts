import type { DataSource, EntityManager } from 'typeorm';

/** A SCIM token as the admin sees it (never its hash). */
export interface ScimTokenRecord {
  id: string;
  name: string;
  createdBy: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const COLUMNS = `id, name, created_by AS "createdBy", created_at AS "createdAt", last_used_at AS "lastUsedAt", revoked_at AS "revokedAt"`;

/** `scim_tokens`: every method takes the tenant id first and filters on it. */
export class ScimTokensRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  async insert(
    tenantId: string,
    token: { name: string; tokenHash: Buffer; createdBy: string | null },
  ): Promise<ScimTokenRecord> {
    const [row] = await this.db.query<ScimTokenRecord[]>(
      `INSERT INTO scim_tokens (tenant_id, name, token_hash, created_by) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
      [tenantId, token.name, token.tokenHash, token.createdBy],
    );
    return row!;
  }

  /** The tenant's tokens, live ones first, newest first. */
  list(tenantId: string): Promise<ScimTokenRecord[]> {
    return this.db.query<ScimTokenRecord[]>(
      `SELECT ${COLUMNS} FROM scim_tokens WHERE tenant_id = $1 ORDER BY revoked_at IS NOT NULL, created_at DESC, id`,
      [tenantId],
    );
  }

  async find(tenantId: string, id: string): Promise<ScimTokenRecord | null> {
    const [row] = await this.db.query<ScimTokenRecord[]>(
      `SELECT ${COLUMNS} FROM scim_tokens WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id],
    );
    return row ?? null;
  }

  /** Revokes a live token; null when the tenant has no such live token. */
  async revoke(tenantId: string, id: string): Promise<ScimTokenRecord | null> {
    const [rows] = await this.db.query<[ScimTokenRecord[], number]>(
      `UPDATE scim_tokens SET revoked_at = now() WHERE tenant_id = $1 AND id = $2 AND revoked_at IS NULL RETURNING ${COLUMNS}`,
      [tenantId, id],
    );
    return rows[0] ?? null;
  }

  /**
   * The live token of this tenant with this hash, if any: a token of another tenant is not
   * found (the hash alone never identifies a tenant's token). Marks it used, at most once a
   * minute.
   */
  async authenticate(
    tenantId: string,
    tokenHash: Buffer,
  ): Promise<{ id: string; name: string } | null> {
    const [row] = await this.db.query<{ id: string; name: string; stale: boolean }[]>(
      `SELECT id, name, (last_used_at IS NULL OR last_used_at < now() - interval '1 minute') AS stale
         FROM scim_tokens WHERE tenant_id = $1 AND token_hash = $2 AND revoked_at IS NULL`,
      [tenantId, tokenHash],
    );
    if (!row) return null;
    if (row.stale)
      await this.db.query(
        'UPDATE scim_tokens SET last_used_at = now() WHERE tenant_id = $1 AND id = $2',
        [tenantId, row.id],
      );
    return { id: row.id, name: row.name };
  }
}
