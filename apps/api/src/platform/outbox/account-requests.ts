import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import {
  type AccountRequestKind,
  type AccountRequestRow,
  AccountRequestsRepository,
  type TenantId,
} from '@guichet/db';
import { isLocale } from '@guichet/types';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { type AppConfig, CONFIG } from '../config/config.js';
import { BackgroundBusyException } from '../request/background-busy.exception.js';
import { type Batch, BackgroundWork } from '../request/background-work.js';
import type { RequestMeta } from '../request/request-meta.js';
import { TenantCache } from '../tenancy/tenant-cache.service.js';
import { Coalesced } from '../request/coalesced.js';
import type { AccountEmailInput, AccountEmailRequest } from './account-emails.shared.js';
import { AccountRequestBatch, type HeldRequest } from './account-request-batch.js';

export type { AccountRequestKind };

/** What each request sends, chosen from the account as it is under its row lock. */
const REQUESTS: Record<
  AccountRequestKind,
  { action: string; choose: AccountEmailRequest['choose'] }
> = {
  // Forgot password: an account not enrolled yet gets the enrolment link (its first password is set the same way).
  'forgot-password': {
    action: 'recovery.requested',
    choose: (account) => (account.enrolled ? 'password-reset' : 'enrolment'),
  },
  enrolment: {
    action: 'enrolment.requested',
    choose: (account) => (account.enrolled ? 'already-enrolled' : 'enrolment'),
  },
};

/** Times a request is taken up again before it is given up (and logged as an error). */
const MAX_ATTEMPTS = 5;
const SWEEP_BATCH = 50;
/** Requests worked in one transaction at most. */
const BATCH_MAX = 200;
/** Batches worked at once: few, so that under load they grow rather than multiply. */
const BATCH_RUNS = 2;

/** A request of this process, held until it is worked. */
interface Held extends HeldRequest {
  kind: AccountRequestKind;
  /** Set once its row is written: a request whose row could not be written is not worked. */
  written: boolean;
  /** Set once a batch took it (worked, or skipped when not written yet). */
  taken?: boolean;
}

const byTenant = (held: readonly Held[]): Map<TenantId, Held[]> => {
  const out = new Map<TenantId, Held[]>();
  for (const h of held) out.set(h.input.tenant.id, [...(out.get(h.input.tenant.id) ?? []), h]);
  return out;
};

/**
 * Forgot-password and enrolment requests (« Mot de passe oublié ? », « M'inscrire au
 * service »), handed off durably so that a 202 always means the email will go: the request
 * is written to `account_requests` before the reply — the same insert for every account, so
 * the reply shows nothing — worked once the reply is out (`AccountRequestBatch`, many at a time)
 * and deleted once worked. A process that dies in between leaves the row: every API process
 * takes up rows past their `retry_at` (HANDOFF_RETRY_SECONDS), one process each
 * (`FOR UPDATE SKIP LOCKED`). A repeat is harmless: a valid link is kept, not sent again.
 * When the row cannot be written or no place is left, the reply is 503 with Retry-After.
 */
@Injectable()
export class AccountRequests implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AccountRequests.name);
  private readonly retrySeconds: number;
  /** Requests this process accepted and has not finished: the sweep leaves them alone. */
  private readonly mine = new Set<string>();
  private sweeper: NodeJS.Timeout | null = null;
  private sweeping = false;
  private readonly inserts = new Coalesced<Held>((held) => this.insert(held));
  private readonly batch: Batch<Held> = {
    max: BATCH_MAX,
    concurrency: BATCH_RUNS,
    run: (held) => this.workBatch(held),
  };

  constructor(
    private readonly requests: AccountRequestsRepository,
    @Inject(CONFIG) config: AppConfig,
    private readonly background: BackgroundWork,
    private readonly work: AccountRequestBatch,
    private readonly tenants: TenantCache,
  ) {
    this.retrySeconds = config.HANDOFF_RETRY_SECONDS;
  }

  onApplicationBootstrap(): void {
    this.sweeper = setInterval(
      () => void this.sweep(),
      Math.max(1000, (this.retrySeconds * 1000) / 2),
    );
    this.sweeper.unref();
  }

  onApplicationShutdown(): void {
    if (this.sweeper) clearInterval(this.sweeper);
  }

  /**
   * Accepts a request: a place in this process's background work is taken (503 when there is
   * none), the request is written (with the others of the moment, `Coalesced`), and it is
   * worked once `reply` has gone out, in a batch with the others held then.
   */
  async accept(
    reply: FastifyReply,
    kind: AccountRequestKind,
    input: AccountEmailInput,
  ): Promise<void> {
    const held: Held = {
      id: randomUUID(),
      input,
      action: REQUESTS[kind].action,
      choose: REQUESTS[kind].choose,
      kind,
      written: false,
    };
    this.background.afterResponseBatched(reply, kind, this.batch, held);
    try {
      await this.inserts.add(held);
    } catch (error) {
      this.logger.warn(
        `${kind}: refused with 503, the request could not be written (${(error as Error).message})`,
      );
      throw new BackgroundBusyException();
    }
    held.written = true;
    // Worked (skipped, unwritten) already when the client left before the write: the sweep takes it up.
    if (!held.taken) this.mine.add(held.id);
  }

  /** Writes the requests of the moment, one statement per tenant. */
  private async insert(held: readonly Held[]): Promise<void> {
    await Promise.all(
      [...byTenant(held)].map(([tenant, ofTenant]) =>
        this.requests.insertMany(
          tenant,
          ofTenant.map((h) => ({
            id: h.id,
            kind: h.kind,
            username: h.input.username,
            locale: h.input.locale,
            meta: h.input.meta,
          })),
          this.retrySeconds,
        ),
      ),
    );
  }

  /** Works the written requests of a batch, one transaction per tenant. */
  private async workBatch(held: readonly Held[]): Promise<void> {
    for (const h of held) h.taken = true;
    const written = held.filter((h) => h.written);
    try {
      await Promise.all(
        [...byTenant(written)].map(([, ofTenant]) =>
          this.work.work(ofTenant[0]!.input.tenant, ofTenant),
        ),
      );
    } finally {
      for (const h of written) this.mine.delete(h.id);
    }
  }

  /** Takes up requests left by a process that stopped before working them (or failed to). */
  async sweep(): Promise<number> {
    if (this.sweeping) return 0;
    this.sweeping = true;
    try {
      const rows = await this.requests.claimDueAcrossTenants<RequestMeta>(
        this.retrySeconds,
        SWEEP_BATCH,
      );
      let taken = 0;
      for (const row of rows) {
        if (this.mine.has(row.id)) continue;
        if (await this.takeUp(row)) taken += 1;
      }
      return taken;
    } catch (error) {
      this.logger.warn(`account requests sweep: ${(error as Error).message}`);
      return 0;
    } finally {
      this.sweeping = false;
    }
  }

  private async takeUp(row: AccountRequestRow<RequestMeta>): Promise<boolean> {
    const tenant = await this.tenants.byId(row.tenantId);
    if (!tenant || row.attempts > MAX_ATTEMPTS || !isLocale(row.locale)) {
      this.logger.error(
        `${row.kind} request ${row.id} given up after ${row.attempts} attempt(s)${tenant ? '' : ' (tenant gone)'}`,
      );
      await this.requests.delete(row.tenantId, row.id);
      return false;
    }
    const input: AccountEmailInput = {
      tenant,
      username: row.username,
      locale: row.locale,
      meta: row.meta,
    };
    const held: Held = {
      id: row.id,
      input,
      action: REQUESTS[row.kind].action,
      choose: REQUESTS[row.kind].choose,
      kind: row.kind,
      written: true,
    };
    this.mine.add(row.id);
    if (this.background.takeUp(row.kind, () => this.workBatch([held]))) return true;
    this.mine.delete(row.id);
    return false;
  }
}
