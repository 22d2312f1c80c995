import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AdminUserView,
  Locale,
  Page,
  SendResetResponse,
  TenantSettings,
  userListQuerySchema,
} from '@guichet/types';
import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import { type AdminActor, adminAudit } from '../admin/admin-request.js';
import { escapeLike, selectPage } from '../admin/paged-query.js';
import { AuditLog } from '../audit/audit-log.js';
import type { PendingLogout } from '../oidc/oidc-revocation.js';
import { AccountEmails } from '../outbox/account-emails.js';
import { RateLimits } from '../security/rate-limits.js';
import type { TenantContext } from '../tenancy/tenant-context.js';
import { foldedSql } from './account-queries.js';
import { DisableAccount } from './disable-account.usecase.js';

export const USER_NOT_FOUND = {
  error: 'not_found',
  message: 'This tenant has no account with this id.',
};

const COLUMNS = `id, username, first_name AS "firstName", last_name AS "lastName", email, external_id AS "externalId", status,
  password_hash IS NOT NULL AS enrolled, locked_until AS "lockedUntil", last_login_at AS "lastLoginAt",
  password_changed_at AS "passwordChangedAt", created_at AS "createdAt", updated_at AS "updatedAt"`;

type UserRow = Omit<
  AdminUserView,
  'lockedUntil' | 'lastLoginAt' | 'passwordChangedAt' | 'createdAt' | 'updatedAt'
> & {
  lockedUntil: Date | null;
  lastLoginAt: Date | null;
  passwordChangedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const toView = (r: UserRow): AdminUserView => ({
  ...r,
  lockedUntil: r.lockedUntil && r.lockedUntil > new Date() ? r.lockedUntil.toISOString() : null,
  lastLoginAt: iso(r.lastLoginAt),
  passwordChangedAt: iso(r.passwordChangedAt),
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

/** What the audit log keeps of an account's state. */
const auditState = (v: AdminUserView) => ({ status: v.status, lockedUntil: v.lockedUntil });

/** What a search looks in: username, « first last », « last first », email and external id, folded. */
const SEARCHABLE = foldedSql(
  `concat_ws(chr(10), username, first_name || ' ' || last_name, last_name || ' ' || first_name, email, external_id)`,
);

export async function findUser(
  db: DataSource | EntityManager,
  tenantId: string,
  userId: string,
  lock = false,
): Promise<AdminUserView | null> {
  const [row] = await db.query<UserRow[]>(
    `SELECT ${COLUMNS} FROM users WHERE tenant_id = $1 AND id = $2 ${lock ? 'FOR UPDATE' : ''}`,
    [tenantId, userId],
  );
  return row ? toView(row) : null;
}

/** The tenant's accounts, searched and filtered, a page at a time (username order). */
@Injectable()
export class TenantUsers {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(
    tenantId: string,
    query: z.infer<typeof userListQuerySchema>,
  ): Promise<Page<AdminUserView>> {
    const where = ['tenant_id = $1'];
    const params: unknown[] = [tenantId];
    if (query.q) {
      // Case and accents ignored on both sides (« levesque » finds « Lévesque », and the other
      // way round); the searched fields are folded once per row, one per line so that a
      // match never spans two of them.
      params.push(`%${escapeLike(query.q)}%`);
      const p = `$${params.length}`;
      where.push(`${SEARCHABLE} LIKE ${foldedSql(p)}`);
    }
    switch (query.status) {
      case 'active':
      case 'disabled':
        params.push(query.status);
        where.push(`status = $${params.length}`);
        break;
      case 'locked':
        where.push('locked_until > now()');
        break;
      case 'enrolled':
        where.push('password_hash IS NOT NULL');
        break;
      case 'not-enrolled':
        where.push('password_hash IS NULL');
        break;
    }
    return selectPage(
      this.dataSource,
      { columns: COLUMNS, from: 'users', where: where.join(' AND '), orderBy: 'username' },
      params,
      query,
      toView,
    );
  }

  async get(tenantId: string, userId: string): Promise<AdminUserView> {
    const user = await findUser(this.dataSource, tenantId, userId);
    if (!user) throw new NotFoundException(USER_NOT_FOUND);
    return user;
  }
}

export type UserAction = 'disable' | 'enable' | 'unlock';
const AUDIT_ACTION: Record<UserAction, string> = {
  disable: 'user.disabled',
  enable: 'user.enabled',
  unlock: 'user.unlocked',
};

/**
 * Disable (sessions revoked, pending links voided), enable, or unlock (failure count and
 * lockout cleared, in PostgreSQL and in Redis) an account; audited with before/after.
 */
@Injectable()
export class ChangeUserStatus {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly rateLimits: RateLimits,
    private readonly disableAccount: DisableAccount,
  ) {}

  async execute(
    actor: AdminActor,
    tenantId: string,
    userId: string,
    action: UserAction,
  ): Promise<AdminUserView> {
    let logouts: PendingLogout[] = [];
    const result = await this.dataSource.transaction(async (em) => {
      const before = await findUser(em, tenantId, userId, true);
      if (!before) throw new NotFoundException(USER_NOT_FOUND);
      if (action === 'disable') {
        logouts = await this.disableAccount.execute(tenantId, userId, em);
      } else if (action === 'enable') {
        await em.query(
          `UPDATE users SET status = 'active', updated_at = now() WHERE tenant_id = $1 AND id = $2`,
          [tenantId, userId],
        );
      } else {
        await em.query(
          `UPDATE users SET failed_logins = 0, locked_until = NULL, updated_at = now() WHERE tenant_id = $1 AND id = $2`,
          [tenantId, userId],
        );
      }
      const after = (await findUser(em, tenantId, userId))!;
      await this.audit.recordIn(em, {
        ...adminAudit(actor, tenantId, AUDIT_ACTION[action]),
        targetType: 'user',
        targetId: userId,
        before: auditState(before),
        details: auditState(after),
      });
      return after;
    });
    this.disableAccount.notify(tenantId, logouts);
    if (action === 'unlock') {
      const [row] = await this.dataSource.query<{ settings: TenantSettings }[]>(
        'SELECT settings FROM tenant_settings WHERE tenant_id = $1',
        [tenantId],
      );
      const { maxFailures, lockMinutes } = row!.settings.lockout;
      await this.rateLimits
        .accountFailures(maxFailures, lockMinutes)
        .reset(`${tenantId}:${result.username}`);
    }
    return result;
  }
}

/**
 * An admin sends an account its reset link (the enrolment link when it is not enrolled yet),
 * through the same outbox path as the portal's forgot-password, to the stored address only.
 */
@Injectable()
export class SendUserReset {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly emails: AccountEmails,
  ) {}

  async execute(
    actor: AdminActor,
    tenantId: string,
    userId: string,
    locale: Locale | undefined,
  ): Promise<SendResetResponse> {
    const user = await findUser(this.dataSource, tenantId, userId);
    if (!user) throw new NotFoundException(USER_NOT_FOUND);
    if (user.status !== 'active')
      throw new ConflictException({
        error: 'account_disabled',
        message: 'This account is disabled: enable it first.',
      });
    const tenant = await loadTenantContext(this.dataSource, tenantId);
    const result = await this.emails.deliver({
      tenant,
      userId,
      locale:
        locale && tenant.settings.locales.includes(locale) ? locale : tenant.settings.defaultLocale,
      action: 'user.reset.sent',
      meta: actor.meta,
      actor: { type: 'admin', id: actor.admin.id },
      choose: (account) => (account.enrolled ? 'password-reset' : 'enrolment'),
    });
    if (result.outcome === 'ineligible')
      throw new ConflictException({
        error: 'account_disabled',
        message: 'This account is disabled: enable it first.',
      });
    // `kept` is for portal requests only (an admin's request always sends a new link).
    return {
      outcome: result.outcome === 'throttled' ? 'throttled' : 'sent',
      kind: result.kind === 'password-reset' || result.kind === 'enrolment' ? result.kind : null,
      deliveryId: result.outboxId,
    };
  }
}

/** The tenant as a portal request would see it (for the use cases shared with the portal). */
export async function loadTenantContext(db: DataSource, tenantId: string): Promise<TenantContext> {
  const [row] = await db.query<(Omit<TenantContext, 'publicUrl'> & { publicUrl: string })[]>(
    `SELECT t.id, t.slug, t.name, t.public_url AS "publicUrl", t.status, s.settings, s.version
       FROM tenants t JOIN tenant_settings s ON s.tenant_id = t.id WHERE t.id = $1`,
    [tenantId],
  );
  if (!row) throw new NotFoundException({ error: 'not_found', message: 'No tenant has this id.' });
  return row;
}
