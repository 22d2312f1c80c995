import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hashToken, isWellFormedToken, newToken } from '@guichet/platform';
import type { UserView } from '@guichet/types';
import type { DataSource, EntityManager } from 'typeorm';
import type { RequestMeta } from '../request/request-meta.js';
import type { TenantContext } from '../tenancy/tenant-context.js';
import { sessionLifetimeSeconds } from './session-cookies.js';

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
 * that was already rotated means it leaked, and the whole family is revoked.
 */
@Injectable()
export class Sessions {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async start(db: DataSource | EntityManager, tenant: TenantContext, userId: string, persistent: boolean, meta: RequestMeta, familyId: string = randomUUID()): Promise<IssuedSession> {
    const token = newToken();
    const lifetimeSeconds = sessionLifetimeSeconds(persistent, tenant.settings.tokenLifetimes.refreshDays);
    await db.query(
      `INSERT INTO refresh_sessions (tenant_id, user_id, family_id, token_hash, persistent, expires_at, user_agent, ip)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6), $7, $8)`,
      [tenant.id, userId, familyId, hashToken(token), persistent, lifetimeSeconds, meta.userAgent, meta.ip],
    );
    return { token, familyId, persistent, lifetimeSeconds };
  }

  /** Exchanges a refresh token for a new one of the same family (sliding lifetime). */
  async rotate(tenant: TenantContext, token: unknown, meta: RequestMeta): Promise<Rotation> {
    if (!isWellFormedToken(token)) return { outcome: 'invalid' };
    const tokenHash = hashToken(token);
    return this.dataSource.transaction(async (em): Promise<Rotation> => {
      const [current] = await em.query<{ userId: string; familyId: string; persistent: boolean }[]>(
        `WITH rotated AS (
           UPDATE refresh_sessions s SET rotated_at = now()
             FROM users u
            WHERE s.tenant_id = $1 AND s.token_hash = $2 AND s.rotated_at IS NULL AND s.revoked_at IS NULL AND s.expires_at > now()
              AND u.id = s.user_id AND u.tenant_id = s.tenant_id AND u.status = 'active'
           RETURNING s.user_id, s.family_id, s.persistent)
         SELECT user_id AS "userId", family_id AS "familyId", persistent FROM rotated`,
        [tenant.id, tokenHash],
      );
      if (current) {
        return { outcome: 'rotated', userId: current.userId, session: await this.start(em, tenant, current.userId, current.persistent, meta, current.familyId) };
      }
      const [previous] = await em.query<{ userId: string; familyId: string; rotated: boolean; revoked: boolean }[]>(
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
  }

  /** Signs out the sign-in the token belongs to (every rotation of it). Returns the family, if any. */
  async revokeByToken(tenantId: string, token: unknown): Promise<{ userId: string; familyId: string } | null> {
    if (!isWellFormedToken(token)) return null;
    const [row] = await this.dataSource.query<{ userId: string; familyId: string }[]>(
      `SELECT user_id AS "userId", family_id AS "familyId" FROM refresh_sessions WHERE tenant_id = $1 AND token_hash = $2`,
      [tenantId, hashToken(token)],
    );
    if (row) await this.revokeFamily(tenantId, row.familyId);
    return row ?? null;
  }

  async revokeFamily(tenantId: string, familyId: string, db: DataSource | EntityManager = this.dataSource): Promise<void> {
    await db.query(`UPDATE refresh_sessions SET revoked_at = now() WHERE tenant_id = $1 AND family_id = $2 AND revoked_at IS NULL`, [tenantId, familyId]);
  }

  /** The account of a valid session cookie (current token of a live family). */
  async userByToken(tenantId: string, token: unknown): Promise<{ user: UserView; familyId: string } | null> {
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

  /** The account of an access token, if its session family is still live (not signed out, not revoked by a reset). */
  async userOfLiveSession(tenantId: string, userId: string, familyId: string): Promise<UserView | null> {
    const [row] = await this.dataSource.query<UserView[]>(
      `SELECT ${USER_VIEW} FROM users u
        WHERE u.id = $2 AND u.tenant_id = $1 AND u.status = 'active'
          AND EXISTS (SELECT 1 FROM refresh_sessions s
                       WHERE s.tenant_id = $1 AND s.family_id = $3 AND s.user_id = u.id AND s.revoked_at IS NULL AND s.expires_at > now())`,
      [tenantId, userId, familyId],
    );
    return row ?? null;
  }
}
