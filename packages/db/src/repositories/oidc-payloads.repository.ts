import type { TenantId } from '../tenant-id.js';
import { modify, type Queryable } from './queryable.js';

/** An artefact as oidc-provider hands it to its adapter. */
export type OidcPayloadData = Record<string, unknown> & {
  grantId?: string;
  userCode?: string;
  uid?: string;
  accountId?: string;
  consumed?: number;
};

const ID_MAX = 200;
const usable = (id: unknown): id is string =>
  typeof id === 'string' && id.length > 0 && id.length <= ID_MAX;

/** What the OpenID provider stores (`oidc_payloads`): sessions, grants, codes, tokens.
 * Every query is scoped by the tenant first: a code, token or session of one tenant's issuer
 * is not found by another's. */
export class OidcPayloadsRepository {
  constructor(private readonly db: Queryable) {}

  in(db: Queryable): OidcPayloadsRepository {
    return new OidcPayloadsRepository(db);
  }

  /** The clients an account's provider sessions authorized, with the session id each knows. */
  sessionClientsOf(
    tenant: TenantId,
    userId: string,
  ): Promise<{ clientId: string; sid: string | null }[]> {
    return this.db.query(
      `SELECT a.key AS "clientId", a.value->>'sid' AS sid
         FROM oidc_payloads p, jsonb_each(coalesce(p.payload->'authorizations', '{}'::jsonb)) a
        WHERE p.tenant_id = $1 AND p.model = 'Session' AND p.account_id = $2`,
      [tenant, userId],
    );
  }

  /** The clients an account granted access to. */
  async grantClientsOf(tenant: TenantId, userId: string): Promise<string[]> {
    const rows = await this.db.query<{ clientId: string }[]>(
      `SELECT DISTINCT payload->>'clientId' AS "clientId" FROM oidc_payloads WHERE tenant_id = $1 AND model = 'Grant' AND account_id = $2`,
      [tenant, userId],
    );
    return rows.map((r) => r.clientId);
  }

  /** Deletes everything of the account (sessions, grants and what the grants issued); returns the count. */
  async deleteAllOf(tenant: TenantId, userId: string): Promise<number> {
    const { count } = await modify(
      this.db,
      `DELETE FROM oidc_payloads WHERE tenant_id = $1
          AND (account_id = $2 OR grant_id IN (SELECT id FROM oidc_payloads WHERE tenant_id = $1 AND model = 'Grant' AND account_id = $2))`,
      [tenant, userId],
    );
    return count;
  }

  async upsert(
    tenant: TenantId,
    model: string,
    id: string,
    payload: OidcPayloadData,
    expiresIn: number | undefined,
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO oidc_payloads (tenant_id, model, id, payload, grant_id, user_code, uid, account_id, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN $9::int IS NULL THEN NULL ELSE now() + make_interval(secs => $9::int) END)
       ON CONFLICT (tenant_id, model, id) DO UPDATE
         SET payload = EXCLUDED.payload, grant_id = EXCLUDED.grant_id, user_code = EXCLUDED.user_code, uid = EXCLUDED.uid,
             account_id = EXCLUDED.account_id, expires_at = EXCLUDED.expires_at`,
      [
        tenant,
        model,
        id,
        JSON.stringify(payload),
        payload.grantId ?? null,
        payload.userCode ?? null,
        payload.uid ?? null,
        payload.accountId ?? null,
        expiresIn ?? null,
      ],
    );
  }

  find(tenant: TenantId, model: string, id: unknown): Promise<OidcPayloadData | undefined> {
    if (!usable(id)) return Promise.resolve(undefined);
    return this.one(`tenant_id = $1 AND model = $2 AND id = $3`, [tenant, model, id]);
  }

  findByUid(tenant: TenantId, model: string, uid: unknown): Promise<OidcPayloadData | undefined> {
    if (!usable(uid)) return Promise.resolve(undefined);
    return this.one(`tenant_id = $1 AND model = $2 AND uid = $3`, [tenant, model, uid]);
  }

  findByUserCode(
    tenant: TenantId,
    model: string,
    userCode: unknown,
  ): Promise<OidcPayloadData | undefined> {
    if (!usable(userCode)) return Promise.resolve(undefined);
    return this.one(`tenant_id = $1 AND model = $2 AND user_code = $3`, [tenant, model, userCode]);
  }

  async consume(tenant: TenantId, model: string, id: string): Promise<void> {
    await this.db.query(
      `UPDATE oidc_payloads SET consumed_at = now() WHERE tenant_id = $1 AND model = $2 AND id = $3 AND consumed_at IS NULL`,
      [tenant, model, id],
    );
  }

  async destroy(tenant: TenantId, model: string, id: string): Promise<void> {
    await this.db.query(
      `DELETE FROM oidc_payloads WHERE tenant_id = $1 AND model = $2 AND id = $3`,
      [tenant, model, id],
    );
  }

  async revokeByGrantId(tenant: TenantId, grantId: string): Promise<void> {
    await this.db.query(`DELETE FROM oidc_payloads WHERE tenant_id = $1 AND grant_id = $2`, [
      tenant,
      grantId,
    ]);
  }

  private async one(where: string, params: unknown[]): Promise<OidcPayloadData | undefined> {
    const [row] = await this.db.query<{ payload: OidcPayloadData; consumed: string | null }[]>(
      `SELECT payload, extract(epoch FROM consumed_at)::bigint AS consumed FROM oidc_payloads
        WHERE ${where} AND (expires_at IS NULL OR expires_at > now())`,
      params,
    );
    if (!row) return undefined;
    return row.consumed === null ? row.payload : { ...row.payload, consumed: Number(row.consumed) };
  }

  /** Platform-wide, for the purge: deletes up to `limit` expired artefacts of any tenant; returns how many. */
  async purgeExpiredAcrossTenants(limit: number): Promise<number> {
    const { count } = await modify(
      this.db,
      `DELETE FROM oidc_payloads WHERE ctid IN (SELECT ctid FROM oidc_payloads WHERE expires_at < now() LIMIT ${Math.trunc(limit)})`,
      [],
    );
    return count;
  }
}
