import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ActionTokensRepository,
  type LockedAccount,
  type Queryable,
  type TenantId,
  type TokenPurpose,
  UsersRepository,
} from '@guichet/db';
import { normalizeUsername } from '@guichet/rules';
import { hashToken, newToken } from '@guichet/platform';
import type { EmailJobData, EmailPayload, Locale } from '@guichet/types';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditLog } from '../audit/audit-log.js';
import type { RequestMeta } from '../request/request-meta.js';
import { RateLimits } from '../security/rate-limits.js';
import type { TenantContext } from '../tenancy/tenant-context.js';
import { EmailOutbox } from './email-outbox.js';

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

/** What was done, for callers that report it (the admin API). */
export interface AccountEmailResult {
  outcome: AccountEmailOutcome;
  kind: AccountEmailKind | null;
  outboxId: string | null;
}

/** `kept`: a valid link of the purpose was already sent to the account; nothing new is sent. */
export type AccountEmailOutcome = 'sent' | 'kept' | 'throttled' | 'ineligible';

/** What forgot-password and enrolment requests carry into their use case. */
export interface AccountEmailInput {
  tenant: TenantContext;
  username: string;
  locale: Locale;
  meta: RequestMeta;
}

const PURPOSE: Record<'password-reset' | 'enrolment', TokenPurpose> = {
  'password-reset': 'password-reset',
  enrolment: 'enrolment',
};

const recipientOf = (a: Pick<LockedAccount, 'email' | 'firstName' | 'lastName'>) => ({
  email: a.email,
  name: `${a.firstName} ${a.lastName}`.trim(),
});

/**
 * Emails sent to an account, always to the address stored for it, at most a few an hour
 * (the `account-email` and `account-notice` limits, in Redis). In one transaction: the
 * account row is locked (concurrent requests for one account queue up); a portal request
 * while a link of the purpose is valid keeps it and sends nothing; otherwise older tokens of
 * the purpose are voided, the new token's hash is stored and the outbox row written; the
 * job is enqueued after the commit.
 */
@Injectable()
export class AccountEmails {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly tokens: ActionTokensRepository,
    private readonly outbox: EmailOutbox,
    private readonly audit: AuditLog,
    private readonly limits: RateLimits,
  ) {}

  /**
   * A request from the portal (« Mot de passe oublié ? », « M'inscrire au service ») by
   * username: an unknown or disabled account is audited and gets nothing. Runs after the
   * 202 went out, so nothing here shows whether the account exists.
   */
  async requestByUsername(
    input: AccountEmailInput,
    action: string,
    choose: AccountEmailRequest['choose'],
  ): Promise<AccountEmailOutcome | 'unknown_account'> {
    const userId = await this.users.idByUsername(
      input.tenant.id,
      normalizeUsername(input.username),
    );
    if (!userId) {
      await this.audit.record({
        tenantId: input.tenant.id,
        action,
        actorType: 'anonymous',
        details: { outcome: 'unknown_account' },
        meta: input.meta,
      });
      return 'unknown_account';
    }
    const outcome = await this.send({
      tenant: input.tenant,
      userId,
      locale: input.locale,
      action,
      meta: input.meta,
      choose,
      keepLiveLink: true,
    });
    if (outcome === 'ineligible') {
      await this.audit.record({
        tenantId: input.tenant.id,
        action,
        actorType: 'anonymous',
        targetType: 'user',
        targetId: userId,
        details: { outcome: 'account_disabled' },
        meta: input.meta,
      });
    }
    return outcome;
  }

  async send(request: AccountEmailRequest): Promise<AccountEmailOutcome> {
    return (await this.deliver(request)).outcome;
  }

  /** As `send`, with the kind of email chosen and its outbox row. */
  async deliver(request: AccountEmailRequest): Promise<AccountEmailResult> {
    const { tenant } = request;
    const result = await this.dataSource.transaction(
      async (
        em,
      ): Promise<{ outcome: AccountEmailOutcome; job?: EmailJobData; kind?: AccountEmailKind }> => {
        const account = await this.users.in(em).lockForEmail(tenant.id, request.userId);
        const kind = account && account.status === 'active' ? request.choose(account) : null;
        if (!account || !kind) return { outcome: 'ineligible' };

        if (
          kind !== 'already-enrolled' &&
          request.keepLiveLink &&
          (await this.tokens.in(em).hasLive(tenant.id, account.id, PURPOSE[kind]))
        ) {
          await this.audit.recordIn(
            em,
            this.auditEntry(request, account.id, { outcome: 'kept_live_link', kind }),
          );
          return { outcome: 'kept', kind };
        }

        if (!(await this.consumeBudget(request, account.id, kind))) {
          await this.audit.recordIn(
            em,
            this.auditEntry(request, account.id, { outcome: 'throttled', kind }),
          );
          return { outcome: 'throttled', kind };
        }

        const base = {
          tenantId: tenant.id,
          version: 1 as const,
          recipient: recipientOf(account),
          locale: request.locale,
        };
        let job: EmailJobData;
        if (kind === 'already-enrolled') {
          job = await this.outbox.write(em, {
            payload: { ...base, kind, data: { username: account.username } },
            userId: account.id,
          });
        } else {
          const minutes =
            kind === 'password-reset'
              ? tenant.settings.tokenLifetimes.resetMinutes
              : tenant.settings.tokenLifetimes.enrolmentMinutes;
          const token = newToken();
          const actionTokenId = await this.issueToken(
            em,
            tenant.id,
            account.id,
            PURPOSE[kind],
            token,
            minutes,
          );
          const payload: EmailPayload = {
            ...base,
            kind,
            data: { username: account.username, expiresInMinutes: minutes },
          };
          job = await this.outbox.write(em, {
            payload,
            userId: account.id,
            link: { token, actionTokenId },
          });
        }
        await this.audit.recordIn(
          em,
          this.auditEntry(request, account.id, { outcome: 'sent', kind, outboxId: job.outboxId }),
        );
        return { outcome: 'sent', job, kind };
      },
    );
    if (result.job) await this.outbox.enqueue([result.job]);
    return {
      outcome: result.outcome,
      kind: result.kind ?? null,
      outboxId: result.job?.outboxId ?? null,
    };
  }

  /** The "your password was changed" notice, written in the caller's transaction; enqueue the job after the commit. */
  passwordChanged(
    em: EntityManager,
    tenant: TenantContext,
    account: Pick<LockedAccount, 'id' | 'username' | 'email' | 'firstName' | 'lastName'>,
    locale: Locale,
  ): Promise<EmailJobData> {
    return this.outbox.write(em, {
      payload: {
        kind: 'password-changed',
        tenantId: tenant.id,
        version: 1,
        recipient: recipientOf(account),
        locale,
        data: { username: account.username, changedAt: new Date().toISOString() },
      },
      userId: account.id,
    });
  }

  /**
   * Counts the email against its hourly budget; false when it is spent. A link's budget is
   * per requester (client address, or admin), so one address cannot spend the owner's; a
   * notice's is per account.
   */
  private consumeBudget(
    request: AccountEmailRequest,
    userId: string,
    kind: AccountEmailKind,
  ): Promise<boolean> {
    const account = `${request.tenant.id}:${userId}`;
    if (kind === 'already-enrolled') return this.limits.tryConsume('account-notice', account);
    const requester = request.actor
      ? `admin:${request.actor.id}`
      : `ip:${request.meta.ip ?? 'unknown'}`;
    return this.limits.tryConsume('account-email', `${account}:${requester}`);
  }

  /** Voids the account's pending tokens of that purpose and stores the new one's hash. */
  private async issueToken(
    em: Queryable,
    tenantId: TenantId,
    userId: string,
    purpose: TokenPurpose,
    token: string,
    minutes: number,
  ): Promise<string> {
    const tokens = this.tokens.in(em);
    await tokens.voidPending(tenantId, [userId], purpose);
    return tokens.insert(tenantId, { userId, purpose, tokenHash: hashToken(token), minutes });
  }

  private auditEntry(
    request: AccountEmailRequest,
    userId: string,
    details: Record<string, unknown>,
  ) {
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
}
