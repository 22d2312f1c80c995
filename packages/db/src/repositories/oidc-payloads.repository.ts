import type { UserView } from '@guichet/types';
import type { TenantId } from '../tenant-id.js';
import type { OidcClientRecord } from './oidc-clients.repository.js';
import { OIDC_CLIENT_COLUMNS } from './oidc-clients.repository.js';
import { modify, type Queryable } from './queryable.js';
import { activeWithEnrolmentColumns } from './shared-sql.js';

/** An artefact as oidc-provider hands it to its adapter. */
export type OidcPayloadData = Record<string, unknown> & {
  grantId?: string;
  userCode?: string;
  uid?: string;
  accountId?: string;
  consumed?: number;
};

/** What an access token points to, read in the same statement as the token (null: not found). */
export interface OidcTokenRelated {
  grant: OidcPayloadData | null;
  /** The session a token bound to it (`sessionUid`) expires with. */
  session: OidcPayloadData | null;
  client: OidcClientRecord | null;
  /** The account when it is active, as `UsersRepository.activeWithEnrolment` reads it. */
  account: (UserView & { enrolled: boolean }) | null;
}

const ID_MAX = 200;
const UUID_SQL = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
const LIVE = (p: string) => `(${p}.expires_at IS NULL OR ${p}.expires_at > now())`;
const WITH_CONSUMED = (p: string) =>
  `CASE WHEN ${p}.consumed_at IS NULL THEN ${p}.payload ELSE ${p}.payload || jsonb_build_object('consumed', extract(epoch FROM ${p}.consumed_at)::bigint) END`;
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

  /**
   * A token with its grant, its session, its client and its account, in one statement
   * (userinfo reads all five for every request): one snapshot, one round trip.
   */
  async findWithRelated(
    tenant: TenantId,
    model: string,
    id: unknown,
  ): Promise<{ payload: OidcPayloadData; related: OidcTokenRelated } | undefined> {
    if (!usable(id)) return undefined;
    // The account's id through a sub-select: a parameter the planner looks up by index
    // (as a plain expression it scanned the tenant's users).
    const [row] = await this.db.query<({ payload: OidcPayloadData } & OidcTokenRelated)[]>(
      `SELECT ${WITH_CONSUMED('p')} AS payload,
              (SELECT ${WITH_CONSUMED('g')} FROM oidc_payloads g
                WHERE g.tenant_id = p.tenant_id AND g.model = 'Grant' AND g.id = p.grant_id AND ${LIVE('g')}) AS grant,
              (SELECT ${WITH_CONSUMED('s')} FROM oidc_payloads s
                WHERE s.tenant_id = p.tenant_id AND s.model = 'Session' AND s.uid = p.payload->>'sessionUid' AND ${LIVE('s')}) AS session,
              (SELECT row_to_json(c) FROM (SELECT ${OIDC_CLIENT_COLUMNS} FROM oidc_clients
                WHERE tenant_id = p.tenant_id AND client_id = p.payload->>'clientId') c) AS client,
              (SELECT row_to_json(a) FROM (SELECT ${activeWithEnrolmentColumns('u')} FROM users u
                WHERE u.tenant_id = p.tenant_id AND u.status = 'active'
                  AND u.id = (SELECT CASE WHEN p.payload->>'accountId' ~* '${UUID_SQL}' THEN (p.payload->>'accountId')::uuid END)) a) AS account
         FROM oidc_payloads p WHERE p.tenant_id = $1 AND p.model = $2 AND p.id = $3 AND ${LIVE('p')}`,
      [tenant, model, id],
    );
    if (!row) return undefined;
    const { payload, ...related } = row;
    return { payload, related };
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
