import type { UserView } from '@guichet/types';
import type { TenantId } from '../tenant-id.js';
import { type AuditRecord, auditValues, insertAuditSql } from './audit-sql.js';
import { modify, one, type Queryable } from './queryable.js';
import { liveSession, userViewColumns } from './shared-sql.js';

export interface NewSession {
  userId: string;
  familyId: string;
  tokenHash: Buffer;
  persistent: boolean;
  signedInAt: Date;
  /** Sliding lifetime from now, capped by `maxSeconds` from `signedInAt`. */
  lifetimeSeconds: number;
  maxSeconds: number;
  userAgent: string | null;
  ip: string | null;
}

/** A value for a family that outlives the browser (`persistent`) and for one that does not. */
export interface ByPersistence {
  persistent: number;
  browser: number;
}

/** The token that replaces a rotated one (its family's persistence is read from the old one). */
export interface NextSession {
  tokenHash: Buffer;
  lifetimeSeconds: ByPersistence;
  maxSeconds: ByPersistence;
  userAgent: string | null;
  ip: string | null;
}

export interface RotatedSession {
  user: UserView;
  familyId: string;
  persistent: boolean;
  /** Seconds the new token is valid for. */
  lifetimeSeconds: number;
}

/** Refresh sessions (`refresh_sessions`): opaque tokens stored hashed, one family per sign-in. */
export class RefreshSessionsRepository {
  constructor(private readonly db: Queryable) {}

  in(db: Queryable): RefreshSessionsRepository {
    return new RefreshSessionsRepository(db);
  }

  /**
   * The first session of a password sign-in, in one statement (one round trip, one commit,
   * all or nothing) with what the sign-in records: the account's failed sign-ins forgotten,
   * its lock lifted and its last sign-in set, and the audit `event` of the sign-in. Returns
   * the seconds the session is valid for.
   */
  async insertAtSignIn(tenant: TenantId, session: NewSession, event: AuditRecord): Promise<number> {
    const [row] = await this.db.query<{ lifetimeSeconds: number }[]>(
      `WITH account AS (
         UPDATE users SET failed_logins = 0, locked_until = NULL, last_login_at = now()
          WHERE tenant_id = $1 AND id = $2
       ), event AS (
         ${insertAuditSql(11)}
       )
       INSERT INTO refresh_sessions (tenant_id, user_id, family_id, token_hash, persistent, signed_in_at, expires_at, user_agent, ip)
       VALUES ($1, $2, $3, $4, $5, $6, LEAST(now() + make_interval(secs => $7), $6::timestamptz + make_interval(secs => $8)), $9, $10)
       RETURNING floor(extract(epoch FROM expires_at - now()))::int AS "lifetimeSeconds"`,
      [
        tenant,
        session.userId,
        session.familyId,
        session.tokenHash,
        session.persistent,
        session.signedInAt,
        session.lifetimeSeconds,
        session.maxSeconds,
        session.userAgent,
        session.ip,
        tenant,
        ...auditValues(event),
      ],
    );
    return row!.lifetimeSeconds;
  }

  /**
   * Rotates the current token of a live session of an active account, in one statement:
   * marks it rotated, stores its successor in the same family (sliding lifetime, capped by
   * the family's absolute lifetime from the sign-in) and returns the account.
   */
  async rotate(
    tenant: TenantId,
    tokenHash: Buffer,
    next: NextSession,
  ): Promise<RotatedSession | null> {
    const row = await one<UserView & Omit<RotatedSession, 'user'>>(
      this.db,
      `WITH old AS (
         UPDATE refresh_sessions s SET rotated_at = now()
           FROM users u
          WHERE s.tenant_id = $1 AND s.token_hash = $2 AND s.rotated_at IS NULL AND ${liveSession('s')}
            AND u.id = s.user_id AND u.tenant_id = s.tenant_id AND u.status = 'active'
          RETURNING s.family_id, s.persistent, s.signed_in_at, ${userViewColumns('u')}
       ), next AS (
         INSERT INTO refresh_sessions (tenant_id, user_id, family_id, token_hash, persistent, signed_in_at, expires_at, user_agent, ip)
         SELECT $1, o.id, o.family_id, $3::bytea, o.persistent, o.signed_in_at,
                LEAST(now() + make_interval(secs => CASE WHEN o.persistent THEN $4::float8 ELSE $5::float8 END),
                      o.signed_in_at + make_interval(secs => CASE WHEN o.persistent THEN $6::float8 ELSE $7::float8 END)),
                $8::varchar, $9::varchar
           FROM old o
         RETURNING floor(extract(epoch FROM expires_at - now()))::int AS "lifetimeSeconds"
       )
       SELECT o.id, o.username, o."firstName", o."lastName", o.email, o.family_id AS "familyId",
              o.persistent, n."lifetimeSeconds"
         FROM old o CROSS JOIN next n`,
      [
        tenant,
        tokenHash,
        next.tokenHash,
        next.lifetimeSeconds.persistent,
        next.lifetimeSeconds.browser,
        next.maxSeconds.persistent,
        next.maxSeconds.browser,
        next.userAgent,
        next.ip,
      ],
    );
    if (!row) return null;
    const { familyId, persistent, lifetimeSeconds, ...user } = row;
    return { user, familyId, persistent, lifetimeSeconds };
  }

  /** The session of a token, live or not. */
  byToken(
    tenant: TenantId,
    tokenHash: Buffer,
  ): Promise<{ userId: string; familyId: string; rotated: boolean; revoked: boolean } | null> {
    return one(
      this.db,
      `SELECT user_id AS "userId", family_id AS "familyId", rotated_at IS NOT NULL AS rotated, revoked_at IS NOT NULL AS revoked
         FROM refresh_sessions WHERE tenant_id = $1 AND token_hash = $2`,
      [tenant, tokenHash],
    );
  }

  /** Ends a session family; returns the accounts whose live sessions it ended. */
  async revokeFamily(tenant: TenantId, familyId: string): Promise<string[]> {
    const { rows } = await modify<{ userId: string }>(
      this.db,
      `UPDATE refresh_sessions SET revoked_at = now() WHERE tenant_id = $1 AND family_id = $2 AND revoked_at IS NULL
       RETURNING user_id AS "userId"`,
      [tenant, familyId],
    );
    return [...new Set(rows.map((r) => r.userId))];
  }

  /** Ends every session of the accounts; returns how many were live. */
  async revokeAllOf(tenant: TenantId, userIds: readonly string[]): Promise<number> {
    const { count } = await modify(
      this.db,
      'UPDATE refresh_sessions SET revoked_at = now() WHERE tenant_id = $1 AND user_id = ANY($2::uuid[]) AND revoked_at IS NULL',
      [tenant, userIds],
    );
    return count;
  }

  /** The active account of a current token of a live family. */
  async userByToken(
    tenant: TenantId,
    tokenHash: Buffer,
  ): Promise<{ user: UserView; familyId: string } | null> {
    const row = await one<UserView & { familyId: string }>(
      this.db,
      `SELECT ${userViewColumns('u')}, s.family_id AS "familyId"
         FROM refresh_sessions s JOIN users u ON u.id = s.user_id AND u.tenant_id = s.tenant_id
        WHERE s.tenant_id = $1 AND s.token_hash = $2 AND s.rotated_at IS NULL AND ${liveSession('s')}
          AND u.status = 'active'`,
      [tenant, tokenHash],
    );
    if (!row) return null;
    const { familyId, ...user } = row;
    return { user, familyId };
  }

  /**
   * The active account, if the session family is still live (not signed out, not revoked),
   * and when the family's last live token expires (epoch ms).
   */
  async userOfLiveFamily(
    tenant: TenantId,
    userId: string,
    familyId: string,
  ): Promise<{ user: UserView; liveUntil: number } | null> {
    const row = await one<UserView & { liveUntil: Date | null }>(
      this.db,
      `SELECT ${userViewColumns('u')},
              (SELECT max(s.expires_at) FROM refresh_sessions s
                WHERE s.tenant_id = $1 AND s.family_id = $3 AND s.user_id = u.id AND ${liveSession('s')}) AS "liveUntil"
         FROM users u
        WHERE u.tenant_id = $1 AND u.id = $2 AND u.status = 'active'`,
      [tenant, userId, familyId],
    );
    if (!row?.liveUntil) return null;
    const { liveUntil, ...user } = row;
    return { user, liveUntil: liveUntil.getTime() };
  }

  /** Whether a family is persistent (remember me) and when it started, in epoch seconds. */
  family(
    tenant: TenantId,
    familyId: string,
  ): Promise<{ persistent: boolean | null; startedAt: string | null } | null> {
    return one(
      this.db,
      `SELECT bool_or(persistent) AS persistent, extract(epoch FROM min(created_at))::bigint AS "startedAt"
         FROM refresh_sessions WHERE tenant_id = $1 AND family_id = $2`,
      [tenant, familyId],
    );
  }
}
