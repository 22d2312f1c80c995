import type { TenantId } from '../tenant-id.js';
import { modify, type Queryable } from './queryable.js';

/** Each tenant's ID token signing keys (`oidc_signing_keys`), private parts encrypted by the caller. */
export class OidcSigningKeysRepository {
  constructor(private readonly db: Queryable) {}

  in(db: Queryable): OidcSigningKeysRepository {
    return new OidcSigningKeysRepository(db);
  }

  /** The keys in the JWKS: the signing one (`active`) first, then the `previous` ones, newest first. */
  published(tenant: TenantId): Promise<{ status: 'active' | 'previous'; ciphertext: string }[]> {
    return this.db.query(
      `SELECT status, private_jwk_ciphertext AS ciphertext FROM oidc_signing_keys
        WHERE tenant_id = $1 AND status IN ('active', 'previous') ORDER BY status = 'active' DESC, created_at DESC`,
      [tenant],
    );
  }

  async insertActive(tenant: TenantId, kid: string, ciphertext: string): Promise<void> {
    await this.db.query(
      `INSERT INTO oidc_signing_keys (kid, tenant_id, status, private_jwk_ciphertext) VALUES ($1, $2, 'active', $3)`,
      [kid, tenant, ciphertext],
    );
  }

  /** The signing key only verifies from now on. */
  async demoteActive(tenant: TenantId): Promise<void> {
    await this.db.query(
      `UPDATE oidc_signing_keys SET status = 'previous' WHERE tenant_id = $1 AND status = 'active'`,
      [tenant],
    );
  }

  /** Drops keys of that status from the JWKS; returns how many. */
  async retire(tenant: TenantId, status: 'active' | 'previous'): Promise<number> {
    const { count } = await modify(
      this.db,
      `UPDATE oidc_signing_keys SET status = 'retired', retired_at = now() WHERE tenant_id = $1 AND status = $2`,
      [tenant, status],
    );
    return count;
  }

  /** In a transaction: one writer of the tenant's keys at a time (two processes starting one issuer). */
  async lockTenant(tenant: TenantId): Promise<void> {
    await this.db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`oidc-keys:${tenant}`]);
  }
}
