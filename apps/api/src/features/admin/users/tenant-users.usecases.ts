import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type AdminUserRow,
  type Queryable,
  type TenantId,
  TenantSettingsRepository,
  TenantsRepository,
  UsersRepository,
} from '@guichet/db';
import type {
  AdminUserView,
  Locale,
  Page,
  SendResetResponse,
  userListQuerySchema,
} from '@guichet/types';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import { type AdminActor, adminAudit } from '../access/admin-request.js';
import { AuditLog } from '../../../platform/audit/audit-log.js';
import type { PendingLogout } from '../../oidc/oidc-revocation.js';
import { AccountEmails } from '../../../platform/outbox/account-emails.js';
import { RateLimits } from '../../../platform/security/rate-limits.js';
import type { TenantContext } from '../../../platform/tenancy/tenant-context.js';
import { DisableAccount } from './disable-account.usecase.js';

export const USER_NOT_FOUND = {
  error: 'not_found',
  message: 'This tenant has no account with this id.',
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const toView = (r: AdminUserRow): AdminUserView => ({
  ...r,
  lockedUntil: r.lockedUntil && r.lockedUntil > new Date() ? r.lockedUntil.toISOString() : null,
  lastLoginAt: iso(r.lastLoginAt),
  passwordChangedAt: iso(r.passwordChangedAt),
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

/** What the audit log keeps of an account's state. */
const auditState = (v: AdminUserView) => ({ status: v.status, lockedUntil: v.lockedUntil });

export async function findUser(
  db: Queryable,
  tenantId: TenantId,
  userId: string,
  lock = false,
): Promise<AdminUserView | null> {
  const row = await new UsersRepository(db).adminView(tenantId, userId, lock);
  return row ? toView(row) : null;
}

/** The tenant's accounts, searched and filtered, a page at a time (username order). */
@Injectable()
export class TenantUsers {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
  ) {}

  async list(
    tenantId: TenantId,
    query: z.infer<typeof userListQuerySchema>,
  ): Promise<Page<AdminUserView>> {
    // Case and accents ignored on both sides (« levesque » finds « Lévesque », and the other way round).
    const { rows, total } = await this.users.adminPage(tenantId, query);
    return { items: rows.map(toView), total, page: query.page, pageSize: query.pageSize };
  }

  async get(tenantId: TenantId, userId: string): Promise<AdminUserView> {
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
    tenantId: TenantId,
    userId: string,
    action: UserAction,
  ): Promise<AdminUserView> {
    let logouts: PendingLogout[] = [];
    const result = await this.dataSource.transaction(async (em) => {
      const before = await findUser(em, tenantId, userId, true);
      if (!before) throw new NotFoundException(USER_NOT_FOUND);
      const users = new UsersRepository(em);
      if (action === 'disable') {
        logouts = await this.disableAccount.execute(tenantId, userId, em);
      } else if (action === 'enable') {
        await users.setStatus(tenantId, userId, 'active');
      } else {
        await users.unlock(tenantId, userId);
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
    // Committed: every API process drops the account's sessions before this answers.
    if (action === 'disable') await this.disableAccount.notify(tenantId, logouts, [userId]);
    if (action === 'unlock') {
      const row = await new TenantSettingsRepository(this.dataSource).get(tenantId);
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
    tenantId: TenantId,
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
export async function loadTenantContext(db: Queryable, tenantId: TenantId): Promise<TenantContext> {
  const row = await new TenantsRepository(db).byId(tenantId);
  if (!row) throw new NotFoundException({ error: 'not_found', message: 'No tenant has this id.' });
  return row;
}
