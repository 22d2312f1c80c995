import type { AccountIdentity, StoredDirectorySettings, UsernameRule } from '@guichet/types';
import type { DataSource, EntityManager } from 'typeorm';

type Db = DataSource | EntityManager;

/** An account as a directory sync compares it. */
export interface SyncedAccount extends AccountIdentity {
  status: 'active' | 'disabled';
  source: string | null;
}

/** What a sync writes of an account (source becomes 'directory'). */
export type AccountWrite = Omit<SyncedAccount, 'id' | 'source'>;

export interface DirectoryTenant {
  id: string;
  slug: string;
  name: string;
  usernameRule: UsernameRule;
  directory: StoredDirectorySettings | null;
}

const ACCOUNT_COLUMNS = `id, username, first_name AS "firstName", last_name AS "lastName", email,
  external_id AS "externalId", status, source`;

/** Directory provisioning's reads and writes of `users` and `tenant_settings.directory`; every method takes the tenant id first. */
export const directoryAccounts = {
  async tenant(db: Db, tenantId: string): Promise<DirectoryTenant | null> {
    const [row] = await db.query<DirectoryTenant[]>(
      `SELECT t.id, t.slug, t.name, s.settings->'usernameRule' AS "usernameRule", s.directory
         FROM tenants t JOIN tenant_settings s ON s.tenant_id = t.id WHERE t.id = $1`,
      [tenantId],
    );
    return row ?? null;
  },

  /** The tenant's directory settings, the row locked for the caller's transaction. */
  async lockSettings(db: Db, tenantId: string): Promise<StoredDirectorySettings | null> {
    const [row] = await db.query<{ directory: StoredDirectorySettings | null }[]>(
      'SELECT directory FROM tenant_settings WHERE tenant_id = $1 FOR UPDATE',
      [tenantId],
    );
    return row?.directory ?? null;
  },

  async saveSettings(
    db: Db,
    tenantId: string,
    directory: StoredDirectorySettings | null,
  ): Promise<void> {
    await db.query(
      'UPDATE tenant_settings SET directory = $2::jsonb, updated_at = now() WHERE tenant_id = $1',
      [tenantId, directory ? JSON.stringify(directory) : null],
    );
  },

  /** Every account of the tenant (a sync compares the whole directory with them). */
  async accounts(db: Db, tenantId: string): Promise<SyncedAccount[]> {
    return db.query<SyncedAccount[]>(`SELECT ${ACCOUNT_COLUMNS} FROM users WHERE tenant_id = $1`, [
      tenantId,
    ]);
  },

  /** New accounts, provisioned by the directory (not enrolled: they set a password through the portal). */
  async insert(db: Db, tenantId: string, rows: readonly AccountWrite[]): Promise<string[]> {
    if (!rows.length) return [];
    const result = await db.query<{ id: string }[]>(
      `INSERT INTO users (tenant_id, username, first_name, last_name, email, external_id, status, source)
       SELECT $1, u.username, u.first_name, u.last_name, u.email, u.external_id, u.status, 'directory'
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
           AS u(username, first_name, last_name, email, external_id, status)
       RETURNING id`,
      [tenantId, ...columns(rows)],
    );
    return result.map((r) => r.id);
  },

  /** Existing accounts brought in line with the directory (and claimed by it). */
  async update(
    db: Db,
    tenantId: string,
    rows: readonly (AccountWrite & { id: string })[],
  ): Promise<void> {
    if (!rows.length) return;
    await db.query(
      `UPDATE users SET username = u.username, first_name = u.first_name, last_name = u.last_name,
              email = u.email, external_id = u.external_id, status = u.status, source = 'directory',
              updated_at = now()
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
           AS u(id, username, first_name, last_name, email, external_id, status)
        WHERE users.tenant_id = $1 AND users.id = u.id`,
      [tenantId, rows.map((r) => r.id), ...columns(rows)],
    );
  },

  /** Links sent to an address that is no longer the account's are void. */
  async voidPendingLinks(db: Db, tenantId: string, userIds: readonly string[]): Promise<void> {
    if (!userIds.length) return;
    await db.query(
      `UPDATE action_tokens SET voided_at = now()
        WHERE tenant_id = $1 AND user_id = ANY($2::uuid[]) AND consumed_at IS NULL AND voided_at IS NULL`,
      [tenantId, userIds],
    );
  },

  async audit(
    db: Db,
    tenantId: string,
    entry: {
      actorType: 'admin' | 'system';
      actorId: string | null;
      action: string;
      before?: Record<string, unknown> | null;
      after?: Record<string, unknown> | null;
    },
  ): Promise<void> {
    await db.query(
      `INSERT INTO audit_events (tenant_id, actor_type, actor_id, action, target_type, target_id, before, after)
       VALUES ($1::uuid, $2, $3, $4, 'tenant', $1::text, $5::jsonb, $6::jsonb)`,
      [
        tenantId,
        entry.actorType,
        entry.actorId,
        entry.action,
        entry.before ? JSON.stringify(entry.before) : null,
        entry.after ? JSON.stringify(entry.after) : null,
      ],
    );
  },
};

/** Platform-wide (the worker's scheduler): the tenants whose directory sync runs on a schedule. */
export async function scheduledDirectoryTenants(
  db: Db,
): Promise<{ tenantId: string; everyMinutes: number; lastStarted: Date | null }[]> {
  return db.query(
    `SELECT s.tenant_id AS "tenantId", (s.directory->>'everyMinutes')::int AS "everyMinutes",
            (SELECT max(r.started_at) FROM directory_runs r WHERE r.tenant_id = s.tenant_id AND NOT r.dry_run) AS "lastStarted"
       FROM tenant_settings s JOIN tenants t ON t.id = s.tenant_id
      WHERE t.status = 'active' AND s.directory IS NOT NULL AND jsonb_typeof(s.directory->'everyMinutes') = 'number'`,
  );
}

function columns(rows: readonly AccountWrite[]): string[][] {
  return [
    rows.map((r) => r.username),
    rows.map((r) => r.firstName),
    rows.map((r) => r.lastName),
    rows.map((r) => r.email),
    rows.map((r) => r.externalId as string),
    rows.map((r) => r.status),
  ];
}
