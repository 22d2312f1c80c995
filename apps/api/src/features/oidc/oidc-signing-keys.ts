import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { Encryptor } from '@guichet/platform';
import type { DataSource, EntityManager } from 'typeorm';

export type PrivateJwk = Record<string, string> & {
  kid: string;
  kty: string;
  alg: string;
  use: string;
};

/**
 * Each tenant's ID token signing keys (RS256), private parts encrypted under
 * DATA_ENCRYPTION_KEY. One `active` key signs; after a rotation the former one is `previous`
 * and stays in the JWKS (tokens it signed still verify) until it is retired.
 */
export class OidcSigningKeys {
  constructor(
    private readonly db: DataSource,
    private readonly encryptor: Encryptor,
  ) {}

  /** The keys the tenant's provider holds, the signing one first; creates the first key on first use. */
  async keysFor(tenantId: string): Promise<PrivateJwk[]> {
    let keys = await this.load(this.db, tenantId);
    if (!keys.some((k) => k.status === 'active' && k.jwk)) {
      await this.locked(tenantId, async (em) => {
        const current = await this.load(em, tenantId);
        if (current.some((k) => k.status === 'active' && k.jwk)) return;
        // A key this process cannot decrypt (DATA_ENCRYPTION_KEY changed) can never sign again.
        await em.query(
          `UPDATE oidc_signing_keys SET status = 'retired', retired_at = now() WHERE tenant_id = $1 AND status = 'active'`,
          [tenantId],
        );
        await this.insert(em, tenantId);
      });
      keys = await this.load(this.db, tenantId);
    }
    return keys.flatMap((k) => (k.jwk ? [k.jwk] : []));
  }

  /** A new key signs from now on; the one it replaces only verifies. Returns the new kid. */
  rotate(tenantId: string): Promise<string> {
    return this.locked(tenantId, async (em) => {
      await em.query(
        `UPDATE oidc_signing_keys SET status = 'previous' WHERE tenant_id = $1 AND status = 'active'`,
        [tenantId],
      );
      return this.insert(em, tenantId);
    });
  }

  /** Drops the keys that no longer sign from the JWKS: tokens they signed stop verifying. */
  async retirePrevious(tenantId: string): Promise<number> {
    const [, affected] = await this.db.query<[unknown[], number]>(
      `UPDATE oidc_signing_keys SET status = 'retired', retired_at = now() WHERE tenant_id = $1 AND status = 'previous'`,
      [tenantId],
    );
    return affected;
  }

  private async load(
    db: DataSource | EntityManager,
    tenantId: string,
  ): Promise<{ status: string; jwk: PrivateJwk | null }[]> {
    const rows = await db.query<{ status: string; ciphertext: string }[]>(
      `SELECT status, private_jwk_ciphertext AS ciphertext FROM oidc_signing_keys
        WHERE tenant_id = $1 AND status IN ('active', 'previous') ORDER BY status = 'active' DESC, created_at DESC`,
      [tenantId],
    );
    return rows.map((r) => ({ status: r.status, jwk: this.decrypt(r.ciphertext) }));
  }

  private decrypt(ciphertext: string): PrivateJwk | null {
    try {
      return JSON.parse(this.encryptor.decrypt(ciphertext)) as PrivateJwk;
    } catch {
      return null;
    }
  }

  private async insert(em: EntityManager, tenantId: string): Promise<string> {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const kid = randomBytes(12).toString('base64url');
    const jwk = {
      ...(privateKey.export({ format: 'jwk' }) as Record<string, string>),
      kid,
      alg: 'RS256',
      use: 'sig',
    };
    await em.query(
      `INSERT INTO oidc_signing_keys (kid, tenant_id, status, private_jwk_ciphertext) VALUES ($1, $2, 'active', $3)`,
      [kid, tenantId, this.encryptor.encrypt(JSON.stringify(jwk))],
    );
    return kid;
  }

  /** One writer per tenant at a time (two API processes starting the same issuer). */
  private locked<T>(tenantId: string, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(async (em) => {
      await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`oidc-keys:${tenantId}`]);
      return work(em);
    });
  }
}
