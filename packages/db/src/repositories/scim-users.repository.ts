import type { AccountFields, AccountIdentity } from '@guichet/types';
import type { DataSource, EntityManager } from 'typeorm';

/** An account as the SCIM endpoint shows it. */
export interface ScimUserRecord extends AccountIdentity {
  status: 'active' | 'disabled';
  createdAt: Date;
  updatedAt: Date;
}

/** The fields a SCIM client writes (username already normalized, email lower case). */
export type ScimUserFields = AccountFields;

/** The attributes a SCIM filter may compare with `eq` (userName, externalId, emails.value). */
export type ScimUserFilter = { column: 'username' | 'external_id' | 'email'; value: string };

const COLUMNS = `id, username, first_name AS "firstName", last_name AS "lastName", email, external_id AS "externalId",
  status, created_at AS "createdAt", updated_at AS "updatedAt"`;

/** `users` as the SCIM server reads and writes them: every method takes the tenant id first and filters on it. */
export class ScimUsersRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** One page (offset, limit) of the tenant's accounts matching the filter, oldest first, and how many match in all. */
  async page(
    tenantId: string,
    filter: ScimUserFilter | null,
    offset: number,
    limit: number,
  ): Promise<{ total: number; rows: ScimUserRecord[] }> {
    const where = filter ? `AND ${filter.column} = $2` : '';
    const params: unknown[] = filter ? [tenantId, filter.value] : [tenantId];
    const [{ total }] = (await this.db.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM users WHERE tenant_id = $1 ${where}`,
      params,
    )) as [{ total: number }];
    if (limit === 0 || offset >= total) return { total, rows: [] };
    const rows = await this.db.query<ScimUserRecord[]>(
      `SELECT ${COLUMNS} FROM users WHERE tenant_id = $1 ${where}
        ORDER BY created_at, id OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
      [...params, offset, limit],
    );
    return { total, rows };
  }

  async get(tenantId: string, id: string, lock = false): Promise<ScimUserRecord | null> {
    const [row] = await this.db.query<ScimUserRecord[]>(
      `SELECT ${COLUMNS} FROM users WHERE tenant_id = $1 AND id = $2 ${lock ? 'FOR UPDATE' : ''}`,
      [tenantId, id],
    );
    return row ?? null;
  }

  /** Which of username / externalId another account of the tenant already has. */
  async conflicts(
    tenantId: string,
    fields: Pick<ScimUserFields, 'username' | 'externalId'>,
    exceptId: string | null,
  ): Promise<('userName' | 'externalId')[]> {
    const rows = await this.db.query<{ username: string; externalId: string | null }[]>(
      `SELECT username, external_id AS "externalId" FROM users
        WHERE tenant_id = $1 AND (username = $2 OR external_id = $3) AND id IS DISTINCT FROM $4`,
      [tenantId, fields.username, fields.externalId, exceptId],
    );
    const found: ('userName' | 'externalId')[] = [];
    if (rows.some((r) => r.username === fields.username)) found.push('userName');
    if (fields.externalId && rows.some((r) => r.externalId === fields.externalId))
      found.push('externalId');
    return found;
  }

  async insert(
    tenantId: string,
    fields: ScimUserFields,
    status: 'active' | 'disabled',
  ): Promise<ScimUserRecord> {
    const [row] = await this.db.query<ScimUserRecord[]>(
      `INSERT INTO users (tenant_id, username, first_name, last_name, email, external_id, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
      [
        tenantId,
        fields.username,
        fields.firstName,
        fields.lastName,
        fields.email,
        fields.externalId,
        status,
      ],
    );
    return row!;
  }

  /** Writes the fields (not the status: disabling ends sessions, see DisableAccount). */
  async update(tenantId: string, id: string, fields: ScimUserFields): Promise<void> {
    await this.db.query(
      `UPDATE users SET username = $3, first_name = $4, last_name = $5, email = $6, external_id = $7, updated_at = now()
        WHERE tenant_id = $1 AND id = $2`,
      [
        tenantId,
        id,
        fields.username,
        fields.firstName,
        fields.lastName,
        fields.email,
        fields.externalId,
      ],
    );
  }

  /** Enables a disabled account again (a rehire); true when it was disabled. */
  async enable(tenantId: string, id: string): Promise<boolean> {
    const [, count] = await this.db.query<[unknown[], number]>(
      `UPDATE users SET status = 'active', updated_at = now() WHERE tenant_id = $1 AND id = $2 AND status = 'disabled'`,
      [tenantId, id],
    );
    return count > 0;
  }

  /**
   * The address changed: links sent to the previous one are voided and sessions end (as a
   * CSV import does), so a changed address cannot take the account over unnoticed.
   */
  async addressChanged(tenantId: string, id: string): Promise<void> {
    await this.db.query(
      `UPDATE action_tokens SET voided_at = now() WHERE tenant_id = $1 AND user_id = $2 AND consumed_at IS NULL AND voided_at IS NULL`,
      [tenantId, id],
    );
    await this.db.query(
      `UPDATE refresh_sessions SET revoked_at = now() WHERE tenant_id = $1 AND user_id = $2 AND revoked_at IS NULL`,
      [tenantId, id],
    );
  }
}
