import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type AuditRecord, RefreshSessionsRepository, type TenantId } from '@guichet/db';
import { hashToken, isWellFormedToken, newToken } from '@guichet/platform';
import type { UserView } from '@guichet/types';
import type { DataSource } from 'typeorm';
import type { RequestMeta } from '../../platform/request/request-meta.js';
import type { TenantContext } from '../../platform/tenancy/tenant-context.js';
import { sessionLifetimeSeconds, sessionMaxSeconds } from './session-cookies.js';
import { type LiveSession, SessionLiveness } from './session-liveness.js';

export interface IssuedSession {
  /** The opaque refresh token (only its SHA-256 is stored). */
  token: string;
  /** The family: every rotation of one sign-in. */
  familyId: string;
  persistent: boolean;
  lifetimeSeconds: number;
}

export type Rotation =
  | { outcome: 'rotated'; user: UserView; session: IssuedSession }
  | { outcome: 'invalid' }
  | { outcome: 'reused'; userId: string; familyId: string };

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
    private readonly sessions: RefreshSessionsRepository,
    private readonly liveness: SessionLiveness,
  ) {}

  /**
   * A new session of a new family (a password sign-in), stored in one statement with what
   * the sign-in records: the account's failures reset and its last sign-in, and `event`
   * (its audit event). Rotations store the next of a family (`rotate`);
   * its lifetime slides, but never past the family's absolute lifetime counted from the
   * sign-in.
   */
  async start(
    tenant: TenantContext,
    userId: string,
    persistent: boolean,
    meta: RequestMeta,
    event: AuditRecord,
  ): Promise<IssuedSession> {
    const token = newToken();
    const family = { id: randomUUID(), signedInAt: new Date() };
    const { refreshDays } = tenant.settings.tokenLifetimes;
    const lifetimeSeconds = await this.sessions.insertAtSignIn(
      tenant.id,
      {
        userId,
        familyId: family.id,
        tokenHash: hashToken(token),
        persistent,
        signedInAt: family.signedInAt,
        lifetimeSeconds: sessionLifetimeSeconds(persistent, refreshDays),
        maxSeconds: sessionMaxSeconds(persistent, refreshDays),
        userAgent: meta.userAgent,
        ip: meta.ip,
      },
      event,
    );
    return {
      token,
      familyId: family.id,
      persistent,
      lifetimeSeconds: Math.max(0, lifetimeSeconds),
    };
  }

  /** Exchanges a refresh token for a new one of the same family (sliding lifetime, within the family's absolute lifetime). */
  async rotate(tenant: TenantContext, token: unknown, meta: RequestMeta): Promise<Rotation> {
    if (!isWellFormedToken(token)) return { outcome: 'invalid' };
    const tokenHash = hashToken(token);
    const next = newToken();
    const { refreshDays } = tenant.settings.tokenLifetimes;
    // One statement (one round trip, atomic by itself): the token marked rotated, its
    // successor stored, the account read.
    const current = await this.sessions.rotate(tenant.id, tokenHash, {
      tokenHash: hashToken(next),
      lifetimeSeconds: {
        persistent: sessionLifetimeSeconds(true, refreshDays),
        browser: sessionLifetimeSeconds(false, refreshDays),
      },
      maxSeconds: {
        persistent: sessionMaxSeconds(true, refreshDays),
        browser: sessionMaxSeconds(false, refreshDays),
      },
      userAgent: meta.userAgent,
      ip: meta.ip,
    });
    if (current) {
      const { user, familyId, persistent, lifetimeSeconds } = current;
      return {
        outcome: 'rotated',
        user,
        session: {
          token: next,
          familyId,
          persistent,
          lifetimeSeconds: Math.max(0, lifetimeSeconds),
        },
      };
    }
    // Not a current token: presented again after its rotation, it revokes its family.
    const rotation = await this.dataSource.transaction(async (em): Promise<Rotation> => {
      const sessions = this.sessions.in(em);
      const previous = await sessions.byToken(tenant.id, tokenHash);
      if (previous?.rotated && !previous.revoked) {
        await sessions.revokeFamily(tenant.id, previous.familyId);
        return { outcome: 'reused', userId: previous.userId, familyId: previous.familyId };
      }
      return { outcome: 'invalid' };
    });
    // After the commit: every API process forgets the family (see SessionLiveness).
    if (rotation.outcome === 'reused') await this.liveness.ended(tenant.id, [rotation.userId]);
    return rotation;
  }

  /** Signs out the sign-in the token belongs to (every rotation of it). Returns the family, if any. */
  async revokeByToken(
    tenantId: TenantId,
    token: unknown,
  ): Promise<{ userId: string; familyId: string } | null> {
    if (!isWellFormedToken(token)) return null;
    const row = await this.sessions.byToken(tenantId, hashToken(token));
    if (!row) return null;
    await this.revokeFamily(tenantId, row.familyId);
    return { userId: row.userId, familyId: row.familyId };
  }

  /** Ends a session family and tells every API process (SessionLiveness) once it is done. */
  async revokeFamily(tenantId: TenantId, familyId: string): Promise<void> {
    const ended = await this.sessions.revokeFamily(tenantId, familyId);
    if (ended.length) await this.liveness.ended(tenantId, ended);
  }

  /** The account of a valid session cookie (current token of a live family). */
  async userByToken(
    tenantId: TenantId,
    token: unknown,
  ): Promise<{ user: UserView; familyId: string } | null> {
    if (!isWellFormedToken(token)) return null;
    return this.sessions.userByToken(tenantId, hashToken(token));
  }

  /**
   * The account of an access token, if its session family is still live (not signed out,
   * not revoked by a reset), and until when its last live token lasts.
   */
  userOfLiveSession(
    tenantId: TenantId,
    userId: string,
    familyId: string,
  ): Promise<LiveSession | null> {
    return this.sessions.userOfLiveFamily(tenantId, userId, familyId);
  }

  /** Whether a sign-in outlives the browser, and when it started (epoch seconds as text). */
  family(
    tenantId: TenantId,
    familyId: string,
  ): Promise<{ persistent: boolean | null; startedAt: string | null } | null> {
    return this.sessions.family(tenantId, familyId);
  }
}
