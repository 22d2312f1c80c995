import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { OidcSigningKeysRepository, type Queryable, type TenantId } from '@guichet/db';
import type { Encryptor } from '@guichet/platform';
import type { DataSource } from 'typeorm';

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
  private readonly keys: OidcSigningKeysRepository;

  constructor(
    private readonly db: DataSource,
    private readonly encryptor: Encryptor,
  ) {
    this.keys = new OidcSigningKeysRepository(db);
  }

  /** The keys the tenant's provider holds, the signing one first; creates the first key on first use. */
  async keysFor(tenantId: TenantId): Promise<PrivateJwk[]> {
    let keys = await this.load(this.db, tenantId);
    if (!keys.some((k) => k.status === 'active' && k.jwk)) {
      await this.locked(tenantId, async (em) => {
        const current = await this.load(em, tenantId);
        if (current.some((k) => k.status === 'active' && k.jwk)) return;
        // A key this process cannot decrypt (DATA_ENCRYPTION_KEY changed) can never sign again.
        await this.keys.in(em).retire(tenantId, 'active');
        await this.insert(em, tenantId);
      });
      keys = await this.load(this.db, tenantId);
    }
    return keys.flatMap((k) => (k.jwk ? [k.jwk] : []));
  }

  /** A new key signs from now on; the one it replaces only verifies. Returns the new kid. */
  rotate(tenantId: TenantId): Promise<string> {
    return this.locked(tenantId, async (em) => {
      await this.keys.in(em).demoteActive(tenantId);
      return this.insert(em, tenantId);
    });
  }

  /** Drops the keys that no longer sign from the JWKS: tokens they signed stop verifying. */
  retirePrevious(tenantId: TenantId): Promise<number> {
    return this.keys.retire(tenantId, 'previous');
  }

  private async load(
    db: Queryable,
    tenantId: TenantId,
  ): Promise<{ status: string; jwk: PrivateJwk | null }[]> {
    const rows = await this.keys.in(db).published(tenantId);
    return rows.map((r) => ({ status: r.status, jwk: this.decrypt(r.ciphertext) }));
  }

  private decrypt(ciphertext: string): PrivateJwk | null {
    try {
      return JSON.parse(this.encryptor.decrypt(ciphertext)) as PrivateJwk;
    } catch {
      return null;
    }
  }

  private async insert(em: Queryable, tenantId: TenantId): Promise<string> {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const kid = randomBytes(12).toString('base64url');
    const jwk = {
      ...(privateKey.export({ format: 'jwk' }) as Record<string, string>),
      kid,
      alg: 'RS256',
      use: 'sig',
    };
    await this.keys.in(em).insertActive(tenantId, kid, this.encryptor.encrypt(JSON.stringify(jwk)));
    return kid;
  }

  /** One writer per tenant at a time (two API processes starting the same issuer). */
  private locked<T>(tenantId: TenantId, work: (em: Queryable) => Promise<T>): Promise<T> {
    return this.db.transaction(async (em) => {
      await this.keys.in(em).lockTenant(tenantId);
      return work(em);
    });
  }
}
