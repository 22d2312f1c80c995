import type { DataSource } from 'typeorm';

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

/**
 * The OpenID provider's storage in PostgreSQL. Every query is scoped by the tenant id first:
 * a code, token or session of one tenant's issuer is not found by another's.
 */
export class OidcPayloadStore {
  constructor(private readonly db: DataSource) {}

  async upsert(
    tenantId: string,
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
        tenantId,
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

  find(tenantId: string, model: string, id: unknown): Promise<OidcPayloadData | undefined> {
    if (!usable(id)) return Promise.resolve(undefined);
    return this.one(`tenant_id = $1 AND model = $2 AND id = $3`, [tenantId, model, id]);
  }

  findByUid(tenantId: string, model: string, uid: unknown): Promise<OidcPayloadData | undefined> {
    if (!usable(uid)) return Promise.resolve(undefined);
    return this.one(`tenant_id = $1 AND model = $2 AND uid = $3`, [tenantId, model, uid]);
  }

  findByUserCode(
    tenantId: string,
    model: string,
    userCode: unknown,
  ): Promise<OidcPayloadData | undefined> {
    if (!usable(userCode)) return Promise.resolve(undefined);
    return this.one(`tenant_id = $1 AND model = $2 AND user_code = $3`, [
      tenantId,
      model,
      userCode,
    ]);
  }

  async consume(tenantId: string, model: string, id: string): Promise<void> {
    await this.db.query(
      `UPDATE oidc_payloads SET consumed_at = now() WHERE tenant_id = $1 AND model = $2 AND id = $3 AND consumed_at IS NULL`,
      [tenantId, model, id],
    );
  }

  async destroy(tenantId: string, model: string, id: string): Promise<void> {
    await this.db.query(
      `DELETE FROM oidc_payloads WHERE tenant_id = $1 AND model = $2 AND id = $3`,
      [tenantId, model, id],
    );
  }

  async revokeByGrantId(tenantId: string, grantId: string): Promise<void> {
    await this.db.query(`DELETE FROM oidc_payloads WHERE tenant_id = $1 AND grant_id = $2`, [
      tenantId,
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
}
