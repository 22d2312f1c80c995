import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AccountRequestsRepository,
  ActionTokensRepository,
  type LockedAccount,
  UsersRepository,
} from '@guichet/db';
import { hashToken, newToken, type OutboxEmail } from '@guichet/platform';
import { normalizeUsername } from '@guichet/rules';
import type { EmailJobData } from '@guichet/types';
import type { DataSource, EntityManager } from 'typeorm';
import { type AuditEntry, AuditLog } from '../audit/audit-log.js';
import { RateLimits } from '../security/rate-limits.js';
import type { TenantContext } from '../tenancy/tenant-context.js';
import type { AccountEmailInput, AccountEmailKind, AccountEmailRequest } from './account-emails.js';
import {
  auditEntry,
  budgetOf,
  linkMinutes,
  outboxEmail,
  PURPOSE,
} from './account-emails.shared.js';
import { EmailOutbox } from './email-outbox.js';

/** A forgot-password or enrolment request written to `account_requests`, to be worked. */
export interface HeldRequest {
  /** Its `account_requests` row, deleted in the transaction that works it. */
  id: string;
  input: AccountEmailInput;
  action: string;
  choose: AccountEmailRequest['choose'];
}

interface Send {
  held: HeldRequest;
  account: LockedAccount;
  kind: AccountEmailKind;
}

const asRequest = (held: HeldRequest) => ({
  tenant: held.input.tenant,
  action: held.action,
  meta: held.input.meta,
});

/**
 * Works portal requests (« Mot de passe oublié ? », « M'inscrire au service ») of one tenant
 * many at a time, with the rules of `AccountEmails.deliver` for each: one lookup of the
 * usernames, then one transaction that locks the accounts (in id order), reads their live
 * links, decides each request in turn (an account's requests in the order they came, so a
 * second request sees the link the first one issued), voids the older links, stores the new
 * ones, writes the outbox rows and the audit events, and deletes the `account_requests` rows:
 * the requests are worked exactly when their rows go. A failure rolls the whole batch back;
 * its rows stay and the sweep takes them up one by one (at least once, as before). The jobs
 * are enqueued after the commit in one round trip (the reconciler adds what Redis missed).
 * Runs after the 202s went out, so nothing here shows whether an account exists.
 */
@Injectable()
export class AccountRequestBatch {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly tokens: ActionTokensRepository,
    private readonly requests: AccountRequestsRepository,
    private readonly outbox: EmailOutbox,
    private readonly audit: AuditLog,
    private readonly limits: RateLimits,
  ) {}

  /** Works `held` (all of `tenant`). */
  async work(tenant: TenantContext, held: readonly HeldRequest[]): Promise<void> {
    const usernames = held.map((h) => normalizeUsername(h.input.username));
    const ids = await this.users.idsByUsernames(tenant.id, [...new Set(usernames)]);
    const audits: AuditEntry[] = [];
    const known: { held: HeldRequest; userId: string }[] = [];
    held.forEach((h, i) => {
      const userId = ids.get(usernames[i]!);
      if (userId) known.push({ held: h, userId });
      else
        audits.push({
          tenantId: tenant.id,
          action: h.action,
          actorType: 'anonymous',
          details: { outcome: 'unknown_account' },
          meta: h.input.meta,
        });
    });
    const jobs = await this.dataSource.transaction(async (em) => {
      const userIds = [...new Set(known.map((k) => k.userId))];
      const accounts = userIds.length
        ? await this.users.in(em).lockManyForEmail(tenant.id, userIds)
        : [];
      const live = userIds.length
        ? await this.tokens.in(em).liveOf(tenant.id, userIds)
        : new Set<string>();
      const sends = await this.decide(known, new Map(accounts.map((a) => [a.id, a])), live, audits);
      const written = await this.write(em, tenant, sends, audits);
      await this.audit.recordManyIn(em, tenant.id, audits);
      await this.requests.in(em).deleteMany(
        tenant.id,
        held.map((h) => h.id),
      );
      return written;
    });
    await this.outbox.enqueue(jobs);
  }

  /** What each request gets; the audit events of those that get nothing. */
  private async decide(
    known: readonly { held: HeldRequest; userId: string }[],
    accounts: ReadonlyMap<string, LockedAccount>,
    live: Set<string>,
    audits: AuditEntry[],
  ): Promise<Send[]> {
    const byAccount = new Map<string, HeldRequest[]>();
    for (const k of known) byAccount.set(k.userId, [...(byAccount.get(k.userId) ?? []), k.held]);
    const sends: Send[] = [];
    await Promise.all(
      [...byAccount].map(async ([userId, requests]) => {
        for (const held of requests) {
          const request = asRequest(held);
          const account = accounts.get(userId);
          const kind = account && account.status === 'active' ? held.choose(account) : null;
          if (!account || !kind) {
            audits.push(auditEntry(request, userId, { outcome: 'account_disabled' }));
            continue;
          }
          const liveKey = kind === 'already-enrolled' ? null : `${userId}:${PURPOSE[kind]}`;
          if (liveKey && live.has(liveKey)) {
            audits.push(auditEntry(request, userId, { outcome: 'kept_live_link', kind }));
            continue;
          }
          if (!(await this.limits.tryConsume(...budgetOf(request, userId, kind)))) {
            audits.push(auditEntry(request, userId, { outcome: 'throttled', kind }));
            continue;
          }
          if (liveKey) live.add(liveKey);
          sends.push({ held, account, kind });
        }
      }),
    );
    return sends;
  }

  /** Voids the older links, stores the new ones and writes the outbox rows of `sends`. */
  private async write(
    em: EntityManager,
    tenant: TenantContext,
    sends: readonly Send[],
    audits: AuditEntry[],
  ): Promise<EmailJobData[]> {
    const tokens = this.tokens.in(em);
    const links = sends.filter(
      (s): s is Send & { kind: 'password-reset' | 'enrolment' } => s.kind !== 'already-enrolled',
    );
    for (const purpose of new Set(links.map((s) => PURPOSE[s.kind])))
      await tokens.voidPending(
        tenant.id,
        links.filter((s) => PURPOSE[s.kind] === purpose).map((s) => s.account.id),
        purpose,
      );
    const raw = links.map(() => newToken());
    const tokenIds = await tokens.insertMany(
      tenant.id,
      links.map((s, i) => ({
        userId: s.account.id,
        purpose: PURPOSE[s.kind],
        tokenHash: hashToken(raw[i]!),
        minutes: linkMinutes(tenant, s.kind),
      })),
    );
    const linkOf = new Map<Send, OutboxEmail['link']>(
      links.map((s, i) => [s, { token: raw[i]!, actionTokenId: tokenIds[i]! }]),
    );
    const jobs = await this.outbox.writeMany(
      em,
      sends.map((s) => outboxEmail(tenant, s.account, s.kind, s.held.input.locale, linkOf.get(s))),
    );
    sends.forEach((s, i) =>
      audits.push(
        auditEntry(asRequest(s.held), s.account.id, {
          outcome: 'sent',
          kind: s.kind,
          outboxId: jobs[i]!.outboxId,
        }),
      ),
    );
    return jobs;
  }
}
