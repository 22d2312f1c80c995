import type { OidcClientView } from '@guichet/types';
import type { TenantId } from '../tenant-id.js';
import { modify, type Queryable } from './queryable.js';

/** A client as the provider needs it: what the admin sees of it, and the secret's hash. */
export interface OidcClientRecord extends Omit<
  OidcClientView,
  'lastUsedAt' | 'createdAt' | 'updatedAt'
> {
  /** SHA-256 of the secret, hex (null for a public client). */
  secretHash: string | null;
}

export interface NewOidcClient {
  name: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  backchannelLogoutUri?: string | null;
  public: boolean;
  firstParty: boolean;
}

const VIEW = `client_id AS "clientId", name, secret_hash IS NULL AS public, first_party AS "firstParty",
  redirect_uris AS "redirectUris", post_logout_redirect_uris AS "postLogoutRedirectUris",
  backchannel_logout_uri AS "backchannelLogoutUri"`;
/** The columns of an `OidcClientRecord` (also read beside an access token, oidc-payloads). */
export const OIDC_CLIENT_COLUMNS = `${VIEW}, encode(secret_hash, 'hex') AS "secretHash"`;
const COLUMNS = OIDC_CLIENT_COLUMNS;
const ADMIN_VIEW = `${VIEW}, last_used_at AS "lastUsedAt", created_at AS "createdAt", updated_at AS "updatedAt"`;

export interface OidcClientAdminRow extends Omit<OidcClientRecord, 'secretHash'> {
  lastUsedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface OidcClientChanges {
  name?: string;
  redirectUris?: string[];
  postLogoutRedirectUris?: string[];
  /** null removes it; undefined keeps it. */
  backchannelLogoutUri?: string | null;
  firstParty?: boolean;
}

/** The relying parties of each tenant. A client id is random and global; every read is scoped by tenant. */
export class OidcClientsRepository {
  constructor(private readonly db: Queryable) {}

  in(db: Queryable): OidcClientsRepository {
    return new OidcClientsRepository(db);
  }

  async find(tenant: TenantId, clientId: unknown): Promise<OidcClientRecord | null> {
    if (typeof clientId !== 'string' || !/^[\w-]{1,64}$/.test(clientId)) return null;
    const [row] = await this.db.query<OidcClientRecord[]>(
      `SELECT ${COLUMNS} FROM oidc_clients WHERE tenant_id = $1 AND client_id = $2`,
      [tenant, clientId],
    );
    return row ?? null;
  }

  /** Stores a client: its id and (confidential clients) the secret's SHA-256 are the caller's. */
  async insert(
    tenant: TenantId,
    input: NewOidcClient & { clientId: string; secretHash: Buffer | null },
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO oidc_clients (client_id, tenant_id, name, secret_hash, redirect_uris, post_logout_redirect_uris, first_party, backchannel_logout_uri)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        input.clientId,
        tenant,
        input.name,
        input.secretHash,
        input.redirectUris,
        input.postLogoutRedirectUris,
        input.firstParty,
        input.backchannelLogoutUri ?? null,
      ],
    );
  }

  list(tenant: TenantId): Promise<OidcClientAdminRow[]> {
    return this.db.query<OidcClientAdminRow[]>(
      `SELECT ${ADMIN_VIEW} FROM oidc_clients WHERE tenant_id = $1 ORDER BY name, client_id`,
      [tenant],
    );
  }

  async adminView(
    tenant: TenantId,
    clientId: string,
    forUpdate = false,
  ): Promise<OidcClientAdminRow | null> {
    const [row] = await this.db.query<OidcClientAdminRow[]>(
      `SELECT ${ADMIN_VIEW} FROM oidc_clients WHERE tenant_id = $1 AND client_id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
      [tenant, clientId],
    );
    return row ?? null;
  }

  async update(tenant: TenantId, clientId: string, changes: OidcClientChanges): Promise<void> {
    await this.db.query(
      `UPDATE oidc_clients SET name = coalesce($3, name), redirect_uris = coalesce($4, redirect_uris),
              post_logout_redirect_uris = coalesce($5, post_logout_redirect_uris), first_party = coalesce($6, first_party),
              backchannel_logout_uri = CASE WHEN $7::boolean THEN $8 ELSE backchannel_logout_uri END, updated_at = now()
        WHERE tenant_id = $1 AND client_id = $2`,
      [
        tenant,
        clientId,
        changes.name ?? null,
        changes.redirectUris ?? null,
        changes.postLogoutRedirectUris ?? null,
        changes.firstParty ?? null,
        changes.backchannelLogoutUri !== undefined,
        changes.backchannelLogoutUri ?? null,
      ],
    );
  }

  /**
   * A token was issued to the client. Written at most once a minute per client, so a busy
   * application costs one cheap UPDATE a minute, not one a token.
   */
  async markUsed(tenant: TenantId, clientId: string): Promise<void> {
    await this.db.query(
      `UPDATE oidc_clients SET last_used_at = now()
        WHERE tenant_id = $1 AND client_id = $2 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [tenant, clientId],
    );
  }

  /** Replaces a confidential client's secret (the old one stops working now); false for a public client. */
  async replaceSecret(tenant: TenantId, clientId: string, secretHash: Buffer): Promise<boolean> {
    const { count } = await modify(
      this.db,
      `UPDATE oidc_clients SET secret_hash = $3, updated_at = now() WHERE tenant_id = $1 AND client_id = $2 AND secret_hash IS NOT NULL`,
      [tenant, clientId, secretHash],
    );
    return count > 0;
  }

  /** Deletes the client and everything issued to it (grants, codes, tokens). */
  async delete(tenant: TenantId, clientId: string): Promise<boolean> {
    await this.db.query(
      `DELETE FROM oidc_payloads WHERE tenant_id = $1 AND payload->>'clientId' = $2`,
      [tenant, clientId],
    );
    const { count } = await modify(
      this.db,
      `DELETE FROM oidc_clients WHERE tenant_id = $1 AND client_id = $2`,
      [tenant, clientId],
    );
    return count > 0;
  }
}
