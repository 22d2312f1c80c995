import type { UserView } from '@guichet/types';
import type { TokenPurpose } from '../entities/action-token.entity.js';
import type { TenantId } from '../tenant-id.js';
import { modify, one, type Queryable } from './queryable.js';
import {
  expiredActionToken,
  liveActionToken,
  pendingActionToken,
  userCredentialColumns,
} from './shared-sql.js';

/** The account a live link belongs to, with what a password change checks. */
export interface LinkAccount extends UserView {
  passwordHash: string | null;
  passwordHistory: string[];
}

/** What a link's page says: usable, used, voided or expired, or not one of this tenant's. */
export type LinkState = 'valid' | 'used' | 'expired' | 'invalid';

/** Single-use emailed links (`action_tokens`), found by the SHA-256 of the token. */
export class ActionTokensRepository {
  constructor(private readonly db: Queryable) {}

  in(db: Queryable): ActionTokensRepository {
    return new ActionTokensRepository(db);
  }

  /** The active account of a live link. */
  accountOfLiveLink(tenant: TenantId, tokenHash: Buffer): Promise<LinkAccount | null> {
    return one<LinkAccount>(
      this.db,
      `SELECT ${userCredentialColumns('u')}
         FROM action_tokens t
         JOIN users u ON u.id = t.user_id AND u.tenant_id = t.tenant_id
        WHERE t.tenant_id = $1 AND t.token_hash = $2 AND ${liveActionToken('t')} AND u.status = 'active'`,
      [tenant, tokenHash],
    );
  }

  /** Consumes a live link: of concurrent calls, exactly one gets the row. */
  async consume(
    tenant: TenantId,
    tokenHash: Buffer,
  ): Promise<{ id: string; userId: string; purpose: TokenPurpose } | null> {
    const { rows } = await modify<{ id: string; userId: string; purpose: TokenPurpose }>(
      this.db,
      `UPDATE action_tokens t SET consumed_at = now()
        WHERE t.tenant_id = $1 AND t.token_hash = $2 AND ${liveActionToken('t')}
        RETURNING t.id, t.user_id AS "userId", t.purpose`,
      [tenant, tokenHash],
    );
    return rows[0] ?? null;
  }

  async state(tenant: TenantId, tokenHash: Buffer): Promise<LinkState> {
    const row = await one<{ used: boolean; expired: boolean }>(
      this.db,
      `SELECT t.consumed_at IS NOT NULL AS used, ${expiredActionToken('t')} AS expired
         FROM action_tokens t WHERE t.tenant_id = $1 AND t.token_hash = $2`,
      [tenant, tokenHash],
    );
    if (!row) return 'invalid';
    return row.used ? 'used' : row.expired ? 'expired' : 'valid';
  }

  /** Whether the account has a live link of the purpose. */
  async hasLive(tenant: TenantId, userId: string, purpose: TokenPurpose): Promise<boolean> {
    const row = await one(
      this.db,
      `SELECT 1 FROM action_tokens t
        WHERE t.tenant_id = $1 AND t.user_id = $2 AND t.purpose = $3 AND ${liveActionToken('t')}
        LIMIT 1`,
      [tenant, userId, purpose],
    );
    return row !== null;
  }

  /** The purposes of the live links of these accounts, as `userId:purpose`. */
  async liveOf(tenant: TenantId, userIds: readonly string[]): Promise<Set<string>> {
    const rows = await this.db.query<{ key: string }[]>(
      `SELECT DISTINCT t.user_id || ':' || t.purpose AS key FROM action_tokens t
        WHERE t.tenant_id = $1 AND t.user_id = ANY($2::uuid[]) AND ${liveActionToken('t')}`,
      [tenant, userIds],
    );
    return new Set(rows.map((r) => r.key));
  }

  /** Voids the accounts' pending links (of one purpose, or all). */
  async voidPending(
    tenant: TenantId,
    userIds: readonly string[],
    purpose?: TokenPurpose,
  ): Promise<void> {
    await this.db.query(
      `UPDATE action_tokens t SET voided_at = now()
        WHERE t.tenant_id = $1 AND t.user_id = ANY($2::uuid[]) AND ($3::varchar IS NULL OR t.purpose = $3) AND ${pendingActionToken('t')}`,
      [tenant, userIds, purpose ?? null],
    );
  }

  /** `insert` of many links in one statement; their ids in the order given. */
  async insertMany(
    tenant: TenantId,
    links: readonly { userId: string; purpose: TokenPurpose; tokenHash: Buffer; minutes: number }[],
  ): Promise<string[]> {
    if (!links.length) return [];
    const rows = await this.db.query<{ id: string; hash: string }[]>(
      `INSERT INTO action_tokens (tenant_id, user_id, purpose, token_hash, expires_at)
       SELECT $1, v.user_id, v.purpose, v.token_hash, now() + make_interval(mins => v.minutes)
         FROM unnest($2::uuid[], $3::varchar[], $4::bytea[], $5::int[]) AS v(user_id, purpose, token_hash, minutes)
       RETURNING id, encode(token_hash, 'hex') AS hash`,
      [
        tenant,
        links.map((l) => l.userId),
        links.map((l) => l.purpose),
        links.map((l) => l.tokenHash),
        links.map((l) => l.minutes),
      ],
    );
    const ids = new Map(rows.map((r) => [r.hash, r.id]));
    return links.map((l) => ids.get(l.tokenHash.toString('hex'))!);
  }

  /** Stores a new link's hash, valid for `minutes`; returns its id. */
  async insert(
    tenant: TenantId,
    link: { userId: string; purpose: TokenPurpose; tokenHash: Buffer; minutes: number },
  ): Promise<string> {
    const [row] = await this.db.query<[{ id: string }]>(
      `INSERT INTO action_tokens (tenant_id, user_id, purpose, token_hash, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(mins => $5)) RETURNING id`,
      [tenant, link.userId, link.purpose, link.tokenHash, link.minutes],
    );
    return row.id;
  }
}
