import type { LockedAccount, TokenPurpose } from '@guichet/db';
import type { OutboxEmail } from '@guichet/platform';
import type { Locale } from '@guichet/types';
import type { AuditEntry } from '../audit/audit-log.js';
import type { RequestMeta } from '../request/request-meta.js';
import type { RateLimitName } from '../security/rate-limit-policy.js';
import type { TenantContext } from '../tenancy/tenant-context.js';

export type AccountEmailKind = 'password-reset' | 'enrolment' | 'already-enrolled';

export type { LockedAccount };

export interface AccountEmailRequest {
  tenant: TenantContext;
  userId: string;
  locale: Locale;
  /** Picks the email from the account as it is under the lock; null sends nothing. */
  choose: (account: LockedAccount) => AccountEmailKind | null;
  /** Audit action of the request (`recovery.requested`, `enrolment.requested`). */
  action: string;
  meta: RequestMeta;
  /** Who asked, for the audit log: the visitor of the portal (default), or an admin. */
  actor?: { type: 'admin'; id: string };
  /**
   * A portal request while a link of the purpose is still valid keeps that link (it was sent
   * to the account's own address) instead of voiding it and sending a new one, so that a
   * stranger can neither void the link the person just received nor spend their emails.
   * An admin's "send a reset link" always sends a new one (false).
   */
  keepLiveLink?: boolean;
}

/** What forgot-password and enrolment requests carry into their use case. */
export interface AccountEmailInput {
  tenant: TenantContext;
  username: string;
  locale: Locale;
  meta: RequestMeta;
}

export const PURPOSE: Record<'password-reset' | 'enrolment', TokenPurpose> = {
  'password-reset': 'password-reset',
  enrolment: 'enrolment',
};

export const recipientOf = (a: Pick<LockedAccount, 'email' | 'firstName' | 'lastName'>) => ({
  email: a.email,
  name: `${a.firstName} ${a.lastName}`.trim(),
});

/** How long a link of that kind stays valid, in the tenant's settings. */
export const linkMinutes = (tenant: TenantContext, kind: 'password-reset' | 'enrolment'): number =>
  kind === 'password-reset'
    ? tenant.settings.tokenLifetimes.resetMinutes
    : tenant.settings.tokenLifetimes.enrolmentMinutes;

/** The outbox email of that kind to the account's own address (`link`: the new link of a link email). */
export function outboxEmail(
  tenant: TenantContext,
  account: LockedAccount,
  kind: AccountEmailKind,
  locale: Locale,
  link?: OutboxEmail['link'],
): OutboxEmail {
  const base = {
    tenantId: tenant.id,
    version: 1 as const,
    recipient: recipientOf(account),
    locale,
  };
  if (kind === 'already-enrolled')
    return { payload: { ...base, kind, data: { username: account.username } }, userId: account.id };
  return {
    payload: {
      ...base,
      kind,
      data: { username: account.username, expiresInMinutes: linkMinutes(tenant, kind) },
    },
    userId: account.id,
    link,
  };
}

/**
 * The hourly budget an email counts against: a link's is per requester (client address, or
 * admin), so one address cannot spend the owner's; a notice's is per account.
 */
export function budgetOf(
  request: Pick<AccountEmailRequest, 'tenant' | 'actor' | 'meta'>,
  userId: string,
  kind: AccountEmailKind,
): [RateLimitName, string] {
  const account = `${request.tenant.id}:${userId}`;
  if (kind === 'already-enrolled') return ['account-notice', account];
  const requester = request.actor
    ? `admin:${request.actor.id}`
    : `ip:${request.meta.ip ?? 'unknown'}`;
  return ['account-email', `${account}:${requester}`];
}

/** The audit event of a request about an account. */
export function auditEntry(
  request: Pick<AccountEmailRequest, 'tenant' | 'action' | 'actor' | 'meta'>,
  userId: string,
  details: Record<string, unknown>,
): AuditEntry {
  return {
    tenantId: request.tenant.id,
    action: request.action,
    actorType: request.actor?.type ?? ('anonymous' as const),
    actorId: request.actor?.id ?? null,
    targetType: 'user',
    targetId: userId,
    details,
    meta: request.meta,
  };
}
