import type { UserView } from '@guichet/types';
import type { TenantId } from '../tenant-id.js';
import { foldedSql, nameKeySql } from './accent-folding.js';
import { escapeLike, type PageQuery, type RowsPage, selectPage } from './paged.js';
import { modify, one, type Queryable } from './queryable.js';
import { activeWithEnrolmentColumns, userViewColumns } from './shared-sql.js';

/** The account as sign-in reads it. */
export interface SignInAccount extends UserView {
  passwordHash: string | null;
  status: 'active' | 'disabled';
  lockedUntil: Date | null;
}

/** The account as read under its row lock, before an email is sent to it. */
export interface LockedAccount extends UserView {
  status: 'active' | 'disabled';
  enrolled: boolean;
}

/** The account as the admin API shows it (dates as the database gives them). */
export interface AdminUserRow extends UserView {
  externalId: string | null;
  status: 'active' | 'disabled';
  enrolled: boolean;
  lockedUntil: Date | null;
  lastLoginAt: Date | null;
  passwordChangedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export type AdminUserFilter = 'active' | 'disabled' | 'locked' | 'enrolled' | 'not-enrolled';

const ADMIN_COLUMNS = `${userViewColumns('u')}, u.external_id AS "externalId", u.status,
  u.password_hash IS NOT NULL AS enrolled, u.locked_until AS "lockedUntil", u.last_login_at AS "lastLoginAt",
  u.password_changed_at AS "passwordChangedAt", u.created_at AS "createdAt", u.updated_at AS "updatedAt"`;

/** What an admin search looks in: username, « first last », « last first », email and external id, folded. */
const SEARCHABLE = foldedSql(
  `concat_ws(chr(10), u.username, u.first_name || ' ' || u.last_name, u.last_name || ' ' || u.first_name, u.email, u.external_id)`,
);

/** The tenant's accounts (`users`). Usernames are passed already normalized. */
export class UsersRepository {
  constructor(private readonly db: Queryable) {}

  /** The same repository inside a transaction. */
  in(db: Queryable): UsersRepository {
    return new UsersRepository(db);
  }

  async idByUsername(tenant: TenantId, username: string): Promise<string | null> {
    const row = await one<{ id: string }>(
      this.db,
      'SELECT id FROM users WHERE tenant_id = $1 AND username = $2',
      [tenant, username],
    );
    return row?.id ?? null;
  }

  /** Ids of the accounts with these (normalised) usernames, by username; unknown ones are absent. */
  async idsByUsernames(
    tenant: TenantId,
    usernames: readonly string[],
  ): Promise<Map<string, string>> {
    const rows = await this.db.query<{ id: string; username: string }[]>(
      'SELECT id, username FROM users WHERE tenant_id = $1 AND username = ANY($2::varchar[])',
      [tenant, usernames],
    );
    return new Map(rows.map((r) => [r.username, r.id]));
  }

  view(tenant: TenantId, userId: string): Promise<UserView | null> {
    return one<UserView>(
      this.db,
      `SELECT ${userViewColumns('u')} FROM users u WHERE u.tenant_id = $1 AND u.id = $2`,
      [tenant, userId],
    );
  }

  /** An active account with the fact sign-in with OpenID needs (enrolled or not). */
  activeWithEnrolment(
    tenant: TenantId,
    userId: string,
  ): Promise<(UserView & { enrolled: boolean }) | null> {
    return one(
      this.db,
      `SELECT ${activeWithEnrolmentColumns('u')} FROM users u WHERE u.tenant_id = $1 AND u.id = $2 AND u.status = 'active'`,
      [tenant, userId],
    );
  }

  forSignIn(tenant: TenantId, username: string): Promise<SignInAccount | null> {
    return one<SignInAccount>(
      this.db,
      `SELECT ${userViewColumns('u')}, u.password_hash AS "passwordHash", u.status, u.locked_until AS "lockedUntil"
         FROM users u WHERE u.tenant_id = $1 AND u.username = $2`,
      [tenant, username],
    );
  }

  /** Replaces the hash by a stronger one of the same password, unless it changed meanwhile. */
  async rehash(tenant: TenantId, userId: string, hash: string, previous: string): Promise<void> {
    await this.db.query(
      'UPDATE users SET password_hash = $3 WHERE tenant_id = $1 AND id = $2 AND password_hash = $4',
      [tenant, userId, hash, previous],
    );
  }

  /** One more failed sign-in; `lockMinutes` locks the account from now when given. */
  async recordFailure(tenant: TenantId, userId: string, lockMinutes: number | null): Promise<void> {
    await this.db.query(
      `UPDATE users SET failed_logins = failed_logins + 1,
              locked_until = CASE WHEN $3 THEN now() + make_interval(mins => $4) ELSE locked_until END
        WHERE tenant_id = $1 AND id = $2`,
      [tenant, userId, lockMinutes !== null, lockMinutes ?? 0],
    );
  }

  /** Locks the account's row for the transaction (concurrent email requests queue up). */
  lockForEmail(tenant: TenantId, userId: string): Promise<LockedAccount | null> {
    return one<LockedAccount>(
      this.db,
      `SELECT ${userViewColumns('u')}, u.status, u.password_hash IS NOT NULL AS enrolled
         FROM users u WHERE u.tenant_id = $1 AND u.id = $2 FOR UPDATE`,
      [tenant, userId],
    );
  }

  /** `lockForEmail` of many accounts in one statement, locked in id order (no deadlock between batches). */
  lockManyForEmail(tenant: TenantId, userIds: readonly string[]): Promise<LockedAccount[]> {
    return this.db.query<LockedAccount[]>(
      `SELECT ${userViewColumns('u')}, u.status, u.password_hash IS NOT NULL AS enrolled
         FROM users u WHERE u.tenant_id = $1 AND u.id = ANY($2::uuid[]) ORDER BY u.id FOR UPDATE`,
      [tenant, userIds],
    );
  }

  /** Sets a new password (and its history) on an active account; false when it is not one. */
  async setPassword(
    tenant: TenantId,
    userId: string,
    hash: string,
    history: readonly string[],
  ): Promise<boolean> {
    const { count } = await modify(
      this.db,
      `UPDATE users SET password_hash = $3, password_history = $4::jsonb, password_changed_at = now(),
              enrolled_at = coalesce(enrolled_at, now()), failed_logins = 0, locked_until = NULL, updated_at = now()
        WHERE tenant_id = $1 AND id = $2 AND status = 'active'`,
      [tenant, userId, hash, JSON.stringify(history)],
    );
    return count > 0;
  }

  /** The active accounts whose names fold (`nameKeySql`) to these keys, by username. */
  byNameKeys(
    tenant: TenantId,
    lastKey: string,
    firstKey: string,
    limit: number,
  ): Promise<Pick<UserView, 'username' | 'firstName' | 'lastName'>[]> {
    return this.db.query(
      `SELECT username, first_name AS "firstName", last_name AS "lastName" FROM users
        WHERE tenant_id = $1 AND status = 'active' AND ${nameKeySql('last_name')} = $2 AND ${nameKeySql('first_name')} = $3
        ORDER BY username LIMIT $4`,
      [tenant, lastKey, firstKey, limit],
    );
  }

  adminView(tenant: TenantId, userId: string, lock = false): Promise<AdminUserRow | null> {
    return one<AdminUserRow>(
      this.db,
      `SELECT ${ADMIN_COLUMNS} FROM users u WHERE u.tenant_id = $1 AND u.id = $2 ${lock ? 'FOR UPDATE' : ''}`,
      [tenant, userId],
    );
  }

  /** The accounts an admin searches (case and accents ignored on both sides), by username. */
  adminPage(
    tenant: TenantId,
    query: PageQuery & { q?: string; status?: AdminUserFilter },
  ): Promise<RowsPage<AdminUserRow>> {
    const where = ['u.tenant_id = $1'];
    const params: unknown[] = [tenant];
    if (query.q) {
      // Folded once per row, one field per line so that a match never spans two of them.
      params.push(`%${escapeLike(query.q)}%`);
      where.push(`${SEARCHABLE} LIKE ${foldedSql(`$${params.length}`)}`);
    }
    switch (query.status) {
      case 'active':
      case 'disabled':
        params.push(query.status);
        where.push(`u.status = $${params.length}`);
        break;
      case 'locked':
        where.push('u.locked_until > now()');
        break;
      case 'enrolled':
        where.push('u.password_hash IS NOT NULL');
        break;
      case 'not-enrolled':
        where.push('u.password_hash IS NULL');
        break;
    }
    return selectPage<AdminUserRow>(
      this.db,
      {
        columns: ADMIN_COLUMNS,
        from: 'users u',
        where: where.join(' AND '),
        orderBy: 'u.username',
      },
      params,
      query,
    );
  }

  async setStatus(tenant: TenantId, userId: string, status: 'active' | 'disabled'): Promise<void> {
    await this.db.query(
      'UPDATE users SET status = $3, updated_at = now() WHERE tenant_id = $1 AND id = $2',
      [tenant, userId, status],
    );
  }

  async unlock(tenant: TenantId, userId: string): Promise<void> {
    await this.db.query(
      'UPDATE users SET failed_logins = 0, locked_until = NULL, updated_at = now() WHERE tenant_id = $1 AND id = $2',
      [tenant, userId],
    );
  }

  /** The usernames that start with one of the prefixes (LIKE-escaped by the repository). */
  async usernamesStartingWith(tenant: TenantId, prefixes: readonly string[]): Promise<string[]> {
    if (!prefixes.length) return [];
    const rows = await this.db.query<{ username: string }[]>(
      'SELECT username FROM users WHERE tenant_id = $1 AND username LIKE ANY($2::text[])',
      [tenant, prefixes.map((p) => `${escapeLike(p)}%`)],
    );
    return rows.map((r) => r.username);
  }
}
