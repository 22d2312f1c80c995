import { randomBytes } from 'node:crypto';
import { hashToken, newToken } from '@guichet/platform';
import type { DataSource } from 'typeorm';

export interface OidcClientRecord {
  clientId: string;
  name: string;
  public: boolean;
  firstParty: boolean;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  /** SHA-256 of the secret, hex (null for a public client). */
  secretHash: string | null;
}

export interface NewOidcClient {
  name: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  public: boolean;
  firstParty: boolean;
}

const COLUMNS = `client_id AS "clientId", name, secret_hash IS NULL AS public, first_party AS "firstParty",
  redirect_uris AS "redirectUris", post_logout_redirect_uris AS "postLogoutRedirectUris", encode(secret_hash, 'hex') AS "secretHash"`;

/** The relying parties of each tenant. A client id is random and global; every read is scoped by tenant. */
export class OidcClientStore {
  constructor(private readonly db: DataSource) {}

  async find(tenantId: string, clientId: unknown): Promise<OidcClientRecord | null> {
    if (typeof clientId !== 'string' || !/^[\w-]{1,64}$/.test(clientId)) return null;
    const [row] = await this.db.query<OidcClientRecord[]>(`SELECT ${COLUMNS} FROM oidc_clients WHERE tenant_id = $1 AND client_id = $2`, [tenantId, clientId]);
    return row ?? null;
  }

  /** Creates a client; the secret (confidential clients) is returned this once and stored hashed. */
  async create(tenantId: string, input: NewOidcClient): Promise<{ clientId: string; clientSecret?: string }> {
    const clientId = randomBytes(16).toString('base64url');
    const clientSecret = input.public ? undefined : newToken();
    await this.db.query(
      `INSERT INTO oidc_clients (client_id, tenant_id, name, secret_hash, redirect_uris, post_logout_redirect_uris, first_party)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [clientId, tenantId, input.name, clientSecret ? hashToken(clientSecret) : null, input.redirectUris, input.postLogoutRedirectUris, input.firstParty],
    );
    return clientSecret ? { clientId, clientSecret } : { clientId };
  }
}
