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
import { hashToken, newToken, type OutboxEmail } from '@guichet/platform';
import type { EmailJobData, Locale } from '@guichet/types';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditLog } from '../audit/audit-log.js';
import { RateLimits } from '../security/rate-limits.js';
import type { TenantContext } from '../tenancy/tenant-context.js';
import {
  type AccountEmailKind,
  type AccountEmailRequest,
  auditEntry,
  budgetOf,
  linkMinutes,
  outboxEmail,
  PURPOSE,
  recipientOf,
} from './account-emails.shared.js';
import { EmailOutbox } from './email-outbox.js';

export type {
  AccountEmailInput,
  AccountEmailKind,
  AccountEmailRequest,
  LockedAccount,
} from './account-emails.shared.js';

/** What was done, for callers that report it (the admin API). */
export interface AccountEmailResult {
  outcome: AccountEmailOutcome;
  kind: AccountEmailKind | null;
  outboxId: string | null;
}

/** `kept`: a valid link of the purpose was already sent to the account; nothing new is sent. */
export type AccountEmailOutcome = 'sent' | 'kept' | 'throttled' | 'ineligible';

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
            auditEntry(request, account.id, { outcome: 'kept_live_link', kind }),
          );
          return { outcome: 'kept', kind };
        }

        if (!(await this.consumeBudget(request, account.id, kind))) {
          await this.audit.recordIn(
            em,
            auditEntry(request, account.id, { outcome: 'throttled', kind }),
          );
          return { outcome: 'throttled', kind };
        }

        let link: OutboxEmail['link'];
        if (kind !== 'already-enrolled') {
          const token = newToken();
          const actionTokenId = await this.issueToken(
            em,
            tenant.id,
            account.id,
            PURPOSE[kind],
            token,
            linkMinutes(tenant, kind),
          );
          link = { token, actionTokenId };
        }
        const job = await this.outbox.write(
          em,
          outboxEmail(tenant, account, kind, request.locale, link),
        );
        await this.audit.recordIn(
          em,
          auditEntry(request, account.id, { outcome: 'sent', kind, outboxId: job.outboxId }),
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

  /** Counts the email against its hourly budget (`budgetOf`); false when it is spent. */
  private consumeBudget(
    request: AccountEmailRequest,
    userId: string,
    kind: AccountEmailKind,
  ): Promise<boolean> {
    return this.limits.tryConsume(...budgetOf(request, userId, kind));
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
}
