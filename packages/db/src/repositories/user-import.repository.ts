import type { AccountFields, UserView } from '@guichet/types';
import type { TenantId } from '../tenant-id.js';
import type { Queryable } from './queryable.js';
import { userViewColumns } from './shared-sql.js';

/** An account as the CSV import compares it with a line. */
export interface ImportedAccount extends UserView {
  externalId: string | null;
}

/** The CSV import's statements on `users`: whole batches at a time. */
export class UserImportRepository {
  constructor(private readonly db: Queryable) {}

  /** Every username of the tenant (the import's view of what is taken). */
  async usernames(tenant: TenantId): Promise<string[]> {
    const rows = await this.db.query<{ username: string }[]>(
      'SELECT username FROM users WHERE tenant_id = $1',
      [tenant],
    );
    return rows.map((r) => r.username);
  }

  /** The accounts a batch of import lines may be about (by external id, email or username). */
  matching(
    tenant: TenantId,
    keys: { externalIds: string[]; emails: string[]; usernames: string[] },
  ): Promise<ImportedAccount[]> {
    return this.db.query(
      `SELECT ${userViewColumns('u')}, u.external_id AS "externalId"
         FROM users u
        WHERE u.tenant_id = $1 AND (u.external_id = ANY($2::varchar[]) OR u.email = ANY($3::varchar[]) OR u.username = ANY($4::varchar[]))`,
      [tenant, keys.externalIds, keys.emails, keys.usernames],
    );
  }

  async insertMany(tenant: TenantId, accounts: readonly AccountFields[]): Promise<void> {
    if (!accounts.length) return;
    await this.db.query(
      `INSERT INTO users (tenant_id, username, first_name, last_name, email, external_id)
       SELECT $1, * FROM unnest($2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::varchar[])`,
      [tenant, ...columnsOf(accounts)],
    );
  }

  async updateMany(
    tenant: TenantId,
    accounts: readonly (AccountFields & { id: string })[],
  ): Promise<void> {
    if (!accounts.length) return;
    await this.db.query(
      `UPDATE users u
          SET username = v.username, first_name = v.first_name, last_name = v.last_name, email = v.email, external_id = v.external_id, updated_at = now()
         FROM unnest($2::uuid[], $3::varchar[], $4::varchar[], $5::varchar[], $6::varchar[], $7::varchar[])
              AS v(id, username, first_name, last_name, email, external_id)
        WHERE u.id = v.id AND u.tenant_id = $1`,
      [tenant, accounts.map((a) => a.id), ...columnsOf(accounts)],
    );
  }

  /** Refreshes the planner's statistics of the table (a large import adds many rows). */
  async analyze(): Promise<void> {
    await this.db.query('ANALYZE users');
  }
}

const columnsOf = (accounts: readonly AccountFields[]) => [
  accounts.map((a) => a.username),
  accounts.map((a) => a.firstName),
  accounts.map((a) => a.lastName),
  accounts.map((a) => a.email),
  accounts.map((a) => a.externalId),
];
