import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hashToken, isWellFormedToken, newToken } from '@guichet/platform';
import type { UserView } from '@guichet/types';
import type { DataSource, EntityManager } from 'typeorm';
import type { RequestMeta } from '../request/request-meta.js';
import type { TenantContext } from '../tenancy/tenant-context.js';
import { type LiveSession, SessionLiveness } from './session-liveness.js';
import { sessionLifetimeSeconds, sessionMaxSeconds } from './session-cookies.js';

export interface IssuedSession {
  /** The opaque refresh token (only its SHA-256 is stored). */
  token: string;
  /** The family: every rotation of one sign-in. */
  familyId: string;
  persistent: boolean;
  lifetimeSeconds: number;
}

export type Rotation =
  | { outcome: 'rotated'; userId: string; session: IssuedSession }
  | { outcome: 'invalid' }
  | { outcome: 'reused'; userId: string; familyId: string };

const USER_VIEW = `u.id, u.username, u.first_name AS "firstName", u.last_name AS "lastName", u.email`;

/**
 * Refresh sessions: opaque tokens stored hashed, rotated on every use; presenting a token
 * that was already rotated means it leaked, and the whole family is revoked. Rotation slides
 * a session's expiry, up to an absolute lifetime from the sign-in (`sessionMaxSeconds`):
 * then the password is asked again.
 */
@Injectable()
export class Sessions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly liveness: SessionLiveness,
  ) {}

  /**
   * A new session: of a new family (a password sign-in), or the next of a family (a rotation,
   * with `family` and when it signed in). Its lifetime slides, but never past the family's
   * absolute lifetime counted from the sign-in.
   */
  async start(
    db: DataSource | EntityManager,
    tenant: TenantContext,
    userId: string,
    persistent: boolean,
    meta: RequestMeta,
    family: { id: string; signedInAt: Date } = { id: randomUUID(), signedInAt: new Date() },
  ): Promise<IssuedSession> {
    const token = newToken();
    const { refreshDays } = tenant.settings.tokenLifetimes;
    const [row] = await db.query<{ lifetimeSeconds: number }[]>(
      `INSERT INTO refresh_sessions (tenant_id, user_id, family_id, token_hash, persistent, signed_in_at, expires_at, user_agent, ip)
       VALUES ($1, $2, $3, $4, $5, $6, LEAST(now() + make_interval(secs => $7), $6::timestamptz + make_interval(secs => $8)), $9, $10)
       RETURNING floor(extract(epoch FROM expires_at - now()))::int AS "lifetimeSeconds"`,
      [
        tenant.id,
        userId,
        family.id,
        hashToken(token),
        persistent,
        family.signedInAt,
        sessionLifetimeSeconds(persistent, refreshDays),
        sessionMaxSeconds(persistent, refreshDays),
        meta.userAgent,
        meta.ip,
      ],
    );
    return {
      token,
      familyId: family.id,
      persistent,
      lifetimeSeconds: Math.max(0, row!.lifetimeSeconds),
    };
  }

  /** Exchanges a refresh token for a new one of the same family (sliding lifetime, within the family's absolute lifetime). */
  async rotate(tenant: TenantContext, token: unknown, meta: RequestMeta): Promise<Rotation> {
    if (!isWellFormedToken(token)) return { outcome: 'invalid' };
    const tokenHash = hashToken(token);
    const rotation = await this.dataSource.transaction(async (em): Promise<Rotation> => {
      const [current] = await em.query<
        { userId: string; familyId: string; persistent: boolean; signedInAt: Date }[]
      >(
        `WITH rotated AS (
           UPDATE refresh_sessions s SET rotated_at = now()
             FROM users u
            WHERE s.tenant_id = $1 AND s.token_hash = $2 AND s.rotated_at IS NULL AND s.revoked_at IS NULL AND s.expires_at > now()
              AND u.id = s.user_id AND u.tenant_id = s.tenant_id AND u.status = 'active'
           RETURNING s.user_id, s.family_id, s.persistent, s.signed_in_at)
         SELECT user_id AS "userId", family_id AS "familyId", persistent, signed_in_at AS "signedInAt" FROM rotated`,
        [tenant.id, tokenHash],
      );
      if (current) {
        const family = { id: current.familyId, signedInAt: current.signedInAt };
        return {
          outcome: 'rotated',
          userId: current.userId,
          session: await this.start(em, tenant, current.userId, current.persistent, meta, family),
        };
      }
      const [previous] = await em.query<
        { userId: string; familyId: string; rotated: boolean; revoked: boolean }[]
      >(
        `SELECT user_id AS "userId", family_id AS "familyId", rotated_at IS NOT NULL AS rotated, revoked_at IS NOT NULL AS revoked
           FROM refresh_sessions WHERE tenant_id = $1 AND token_hash = $2`,
        [tenant.id, tokenHash],
      );
      if (previous?.rotated && !previous.revoked) {
        await this.revokeFamily(tenant.id, previous.familyId, em);
        return { outcome: 'reused', userId: previous.userId, familyId: previous.familyId };
      }
      return { outcome: 'invalid' };
    });
    if (rotation.outcome === 'reused') await this.liveness.ended(tenant.id, [rotation.userId]);
    return rotation;
  }

  /** Signs out the sign-in the token belongs to (every rotation of it). Returns the family, if any. */
  async revokeByToken(
    tenantId: string,
    token: unknown,
  ): Promise<{ userId: string; familyId: string } | null> {
    if (!isWellFormedToken(token)) return null;
    const [row] = await this.dataSource.query<{ userId: string; familyId: string }[]>(
      `SELECT user_id AS "userId", family_id AS "familyId" FROM refresh_sessions WHERE tenant_id = $1 AND token_hash = $2`,
      [tenantId, hashToken(token)],
    );
    if (row) await this.revokeFamily(tenantId, row.familyId);
    return row ?? null;
  }

  /**
   * Ends a session family. Given a transaction's `db`, the caller publishes the end
   * (`SessionLiveness.ended`) once it commits; otherwise this does.
   */
  async revokeFamily(
    tenantId: string,
    familyId: string,
    db: DataSource | EntityManager = this.dataSource,
  ): Promise<void> {
    const [rows] = await db.query<[{ userId: string }[], number]>(
      `UPDATE refresh_sessions SET revoked_at = now() WHERE tenant_id = $1 AND family_id = $2 AND revoked_at IS NULL
       RETURNING user_id AS "userId"`,
      [tenantId, familyId],
    );
    if (db === this.dataSource && rows.length)
      await this.liveness.ended(tenantId, [...new Set(rows.map((r) => r.userId))]);
  }

  /** The account of a valid session cookie (current token of a live family). */
  async userByToken(
    tenantId: string,
    token: unknown,
  ): Promise<{ user: UserView; familyId: string } | null> {
    if (!isWellFormedToken(token)) return null;
    const [row] = await this.dataSource.query<(UserView & { familyId: string })[]>(
      `SELECT ${USER_VIEW}, s.family_id AS "familyId"
         FROM refresh_sessions s JOIN users u ON u.id = s.user_id AND u.tenant_id = s.tenant_id
        WHERE s.tenant_id = $1 AND s.token_hash = $2 AND s.rotated_at IS NULL AND s.revoked_at IS NULL
          AND s.expires_at > now() AND u.status = 'active'`,
      [tenantId, hashToken(token)],
    );
    if (!row) return null;
    const { familyId, ...user } = row;
    return { user, familyId };
  }

  /**
   * The account of an access token, if its session family is still live (not signed out,
   * not revoked by a reset), and until when its last live token lasts.
   */
  async userOfLiveSession(
    tenantId: string,
    userId: string,
    familyId: string,
  ): Promise<LiveSession | null> {
    const [row] = await this.dataSource.query<(UserView & { liveUntil: Date | null })[]>(
      `SELECT ${USER_VIEW}, (SELECT max(s.expires_at) FROM refresh_sessions s
                       WHERE s.tenant_id = $1 AND s.family_id = $3 AND s.user_id = u.id AND s.revoked_at IS NULL AND s.expires_at > now()) AS "liveUntil"
         FROM users u
        WHERE u.id = $2 AND u.tenant_id = $1 AND u.status = 'active'`,
      [tenantId, userId, familyId],
    );
    if (!row?.liveUntil) return null;
    const { liveUntil, ...user } = row;
    return { user, liveUntil: liveUntil.getTime() };
  }
}
