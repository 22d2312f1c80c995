import type { AdminAccountView, AdminRole, AdminView } from '@guichet/types';
import { DataSource, type EntityManager } from 'typeorm';
import { AdminAccount } from '../entities/admin-account.entity.js';
import { modify, one, type Queryable } from './queryable.js';

/** An admin account as the admin API lists it, dates as read. */
export type AdminRow = Omit<AdminAccountView, 'lockedUntil' | 'createdAt' | 'updatedAt'> & {
  lockedUntil: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

/** The second factor of an admin: the active and pending secrets (encrypted) and the last step used. */
export interface TotpState {
  active: string | null;
  pending: string | null;
  lastStep: string | null;
}

export interface AdminChange {
  role: AdminRole;
  /** null: the status stays; false also lifts a lockout. */
  disabled: boolean | null;
  /** A new password's hash: also lifts a lockout and ends every token of the admin. */
  passwordHash: string | null;
}

const TENANT_IDS = `COALESCE(array_agg(g.tenant_id::text ORDER BY g.tenant_id) FILTER (WHERE g.tenant_id IS NOT NULL), '{}') AS "tenantIds"`;
const WITH_GRANTS = 'FROM admin_accounts a LEFT JOIN admin_tenant_grants g ON g.admin_id = a.id';
const SELECT_ADMINS = `
  SELECT a.id, a.email, a.role, a.status, a.totp_secret_ciphertext IS NOT NULL AS "totpEnabled",
         a.locked_until AS "lockedUntil", a.created_at AS "createdAt", a.updated_at AS "updatedAt",
         ${TENANT_IDS}
    ${WITH_GRANTS}`;

/**
 * The administrators of the admin app (`admin_accounts`, a platform table) and the tenants a
 * tenant admin may act on (`admin_tenant_grants`).
 */
export class AdminAccountsRepository {
  constructor(private readonly db: Queryable) {}

  in(db: Queryable): AdminAccountsRepository {
    return new AdminAccountsRepository(db);
  }

  /** Runs `work` in one transaction: this repository bound to it, and its manager for the rest (the audit event). */
  transaction<T>(
    work: (admins: AdminAccountsRepository, em: EntityManager) => Promise<T>,
  ): Promise<T> {
    const manager = this.db instanceof DataSource ? this.db.manager : this.db;
    return manager.transaction((em) => work(this.in(em), em));
  }

  /** The account signing in with that email (any case), with its hash and second factor. */
  byEmail(email: string): Promise<AdminAccount | null> {
    return this.db.getRepository(AdminAccount).findOneBy({ email: email.toLowerCase() });
  }

  /**
   * The active admin with that id as its token carries it; null when missing or disabled, or
   * when `tokenVersion` is given and is not the account's (a token issued before a new password).
   */
  async view(adminId: string, tokenVersion?: number): Promise<AdminView | null> {
    const row = await one<AdminView>(
      this.db,
      `SELECT a.id, a.email, a.role, a.totp_secret_ciphertext IS NOT NULL AS "totpEnabled", ${TENANT_IDS}
         ${WITH_GRANTS}
        WHERE a.id = $1 AND a.status = 'active' ${tokenVersion === undefined ? '' : 'AND a.token_version = $2'}
        GROUP BY a.id`,
      tokenVersion === undefined ? [adminId] : [adminId, tokenVersion],
    );
    return row && (row.role === 'platform-admin' ? { ...row, tenantIds: [] } : row);
  }

  /** Every account, by email. */
  list(): Promise<AdminRow[]> {
    return this.db.query<AdminRow[]>(`${SELECT_ADMINS} GROUP BY a.id ORDER BY a.email`);
  }

  /** One account, or null; never falls back to the whole list. */
  find(adminId: string): Promise<AdminRow | null> {
    return one<AdminRow>(this.db, `${SELECT_ADMINS} WHERE a.id = $1 GROUP BY a.id`, [adminId]);
  }

  async emailOf(adminId: string): Promise<string | null> {
    const row = await one<{ email: string }>(
      this.db,
      'SELECT email FROM admin_accounts WHERE id = $1',
      [adminId],
    );
    return row?.email ?? null;
  }

  /** Locks the account's row until the transaction ends; false when there is none. */
  async lock(adminId: string): Promise<boolean> {
    return !!(await one(this.db, 'SELECT id FROM admin_accounts WHERE id = $1 FOR UPDATE', [
      adminId,
    ]));
  }

  /** A new account (email stored lower case); null when the email is taken. */
  async create(input: {
    email: string;
    passwordHash: string;
    role: AdminRole;
  }): Promise<string | null> {
    const row = await one<{ id: string }>(
      this.db,
      `INSERT INTO admin_accounts (email, password_hash, role) VALUES (lower($1), $2, $3) ON CONFLICT (email) DO NOTHING RETURNING id`,
      [input.email, input.passwordHash, input.role],
    );
    return row?.id ?? null;
  }

  async update(adminId: string, change: AdminChange): Promise<void> {
    await this.db.query(
      `UPDATE admin_accounts SET role = $2,
              status = CASE WHEN $3::boolean IS NULL THEN status WHEN $3 THEN 'disabled' ELSE 'active' END,
              locked_until = CASE WHEN $3 = false OR $4::text IS NOT NULL THEN NULL ELSE locked_until END,
              failed_logins = CASE WHEN $3 = false OR $4::text IS NOT NULL THEN 0 ELSE failed_logins END,
              password_hash = COALESCE($4, password_hash),
              token_version = CASE WHEN $4::text IS NOT NULL THEN token_version + 1 ELSE token_version END,
              updated_at = now()
        WHERE id = $1`,
      [adminId, change.role, change.disabled, change.passwordHash],
    );
  }

  /** The tenants a tenant admin may act on, replacing the ones it had. */
  async setGrants(adminId: string, tenantIds: readonly string[]): Promise<void> {
    await this.db.query('DELETE FROM admin_tenant_grants WHERE admin_id = $1', [adminId]);
    if (tenantIds.length) {
      await this.db.query(
        'INSERT INTO admin_tenant_grants (admin_id, tenant_id) SELECT $1, unnest($2::uuid[])',
        [adminId, [...new Set(tenantIds)]],
      );
    }
  }

  /**
   * A successful sign-in: the failures are cleared and the code's step recorded, only if no
   * other sign-in used it meanwhile (false then, and nothing is written).
   */
  async signedIn(adminId: string, totpStep: number | null): Promise<boolean> {
    const { count } = await modify(
      this.db,
      `UPDATE admin_accounts SET failed_logins = 0, locked_until = NULL, last_login_at = now(),
              totp_last_step = COALESCE($2, totp_last_step)
        WHERE id = $1 AND ($2::bigint IS NULL OR totp_last_step IS NULL OR totp_last_step < $2)`,
      [adminId, totpStep],
    );
    return count > 0;
  }

  /** A failed sign-in counted on the account; `lockMinutes` locks it from now when given. */
  async signInFailed(adminId: string, lockMinutes: number | null): Promise<void> {
    await this.db.query(
      `UPDATE admin_accounts SET failed_logins = failed_logins + 1,
              locked_until = CASE WHEN $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
        WHERE id = $1`,
      [adminId, lockMinutes !== null, lockMinutes ?? 0],
    );
  }

  async totpState(adminId: string): Promise<TotpState | null> {
    return one<TotpState>(
      this.db,
      `SELECT totp_secret_ciphertext AS active, totp_pending_ciphertext AS pending, totp_last_step AS "lastStep" FROM admin_accounts WHERE id = $1`,
      [adminId],
    );
  }

  /** A secret being set up (encrypted), active once a code from it is confirmed. */
  async setPendingTotp(adminId: string, ciphertext: string): Promise<void> {
    await this.db.query('UPDATE admin_accounts SET totp_pending_ciphertext = $2 WHERE id = $1', [
      adminId,
      ciphertext,
    ]);
  }

  /**
   * The pending secret becomes the active one, the confirming code's step counts as used and
   * every token ends: the new token version, or null when the secrets changed meanwhile.
   */
  enableTotp(adminId: string, step: number, pending: string): Promise<number | null> {
    return this.tokenVersionAfter(
      `UPDATE admin_accounts SET totp_secret_ciphertext = totp_pending_ciphertext, totp_pending_ciphertext = NULL, totp_last_step = $2,
              token_version = token_version + 1, updated_at = now()
        WHERE id = $1 AND totp_secret_ciphertext IS NULL AND totp_pending_ciphertext = $3`,
      [adminId, step, pending],
    );
  }

  /** The second factor off: the token version, or null when the secret changed meanwhile. */
  disableTotp(adminId: string, active: string): Promise<number | null> {
    return this.tokenVersionAfter(
      'UPDATE admin_accounts SET totp_secret_ciphertext = NULL, totp_pending_ciphertext = NULL, totp_last_step = NULL, updated_at = now() WHERE id = $1 AND totp_secret_ciphertext = $2',
      [adminId, active],
    );
  }

  private async tokenVersionAfter(update: string, params: unknown[]): Promise<number | null> {
    const { rows, count } = await modify<{ token_version: number }>(
      this.db,
      `${update} RETURNING token_version`,
      params,
    );
    return count ? rows[0]!.token_version : null;
  }
}
