import { type BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Counter, Gauge, type Registry } from 'prom-client';
import { type AppConfig, CONFIG } from '../config/config.js';
import { METRICS_REGISTRY } from '../metrics/metrics.module.js';
import { BackgroundBusyException } from './background-busy.exception.js';

const DRAIN_MS = 10_000;
/** Refusals are counted; one line says so at most this often. */
const REFUSAL_LOG_MS = 10_000;

/** Work done many items at a time: the items held when a place to run frees up go together. */
export interface Batch<T> {
  /** At most this many items in one run. */
  max: number;
  /**
   * At most this many runs at once: the items that come meanwhile wait and go together, so
   * that under load the runs grow instead of multiplying.
   */
  concurrency: number;
  run(items: T[]): Promise<unknown>;
}

interface Job {
  label: string;
  work?: () => Promise<unknown>;
  batch?: Batch<unknown>;
  item?: unknown;
}

/**
 * Work done after the reply has gone out (forgot-password, enrolment), so its duration, its
 * outcome and the health of Redis, PostgreSQL or SMTP cannot show in the reply. Bounded:
 * at most BACKGROUND_CONCURRENCY jobs run and at most BACKGROUND_MAX_WAITING are held. The
 * place is taken before the reply (`afterResponse` throws a 503 when there is none), so an
 * accepted request is never dropped afterwards: a 202 means the work will run. Errors are
 * logged here. On shutdown, what is held is finished (within DRAIN_MS) before the process
 * exits, and new requests get the 503 (the server still answers while the hooks run).
 * Batched work (`afterResponseBatched`) takes one running place for every item waiting for
 * the same batch (up to its `max`), so under load the batches grow until the work keeps up.
 * A refusal is counted (`refused`, a metric) and logged at most once every REFUSAL_LOG_MS.
 */
@Injectable()
export class BackgroundWork implements BeforeApplicationShutdown {
  private readonly logger = new Logger(BackgroundWork.name);
  private readonly waiting: Job[] = [];
  private readonly concurrency: number;
  private readonly maxWaiting: number;
  /** Places taken by requests whose reply has not gone out yet. */
  private reserved = 0;
  /** Items running (a batch counts its items). */
  private running = 0;
  /** Running places taken (a batch takes one). */
  private slots = 0;
  /** Requests refused with 503 since start. */
  private refused = 0;
  private readonly refusals: Counter;
  private refusedLogged = 0;
  private lastRefusalLog = 0;
  private idle: (() => void) | null = null;
  /** Set on shutdown: what is held is finished, nothing new is taken on. */
  private closing = false;

  constructor(@Inject(CONFIG) config: AppConfig, @Inject(METRICS_REGISTRY) registry: Registry) {
    this.concurrency = config.BACKGROUND_CONCURRENCY;
    this.maxWaiting = config.BACKGROUND_MAX_WAITING;
    this.refusals = new Counter({
      name: 'background_work_refused_total',
      help: 'Requests refused with 503 because every place of the background work was taken',
      registers: [registry],
    });
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const work = this;
    new Gauge({
      name: 'background_work_pending',
      help: 'Background jobs held or running (forgot-password, enrolment)',
      registers: [registry],
      collect() {
        this.set(work.pending);
      },
    });
  }

  /**
   * Takes a place for `work`, run once the reply is out; throws `BackgroundBusyException`
   * (503, Retry-After) when every place is taken. Call it before anything about the
   * account is known, so that the 503 cannot depend on the account.
   */
  afterResponse(reply: FastifyReply, label: string, work: () => Promise<unknown>): void {
    this.hold(reply, { label, work });
  }

  /** As `afterResponse`, for an item of `batch`, run with the others held at the time. */
  afterResponseBatched<T>(reply: FastifyReply, label: string, batch: Batch<T>, item: T): void {
    this.hold(reply, { label, batch: batch as Batch<unknown>, item });
  }

  private hold(reply: FastifyReply, job: Job): void {
    if (this.closing || this.waiting.length + this.reserved >= this.maxWaiting) {
      this.refuse(job.label);
      throw new BackgroundBusyException();
    }
    this.reserved += 1;
    let queued = false;
    const enqueue = () => {
      if (queued) return;
      queued = true;
      this.reserved -= 1;
      this.waiting.push(job);
      this.next();
    };
    // A client gone before the place was taken: its 'close' has been emitted already.
    if (reply.raw.closed) setImmediate(enqueue);
    reply.raw.once('finish', enqueue);
    reply.raw.once('close', enqueue);
  }

  /** Counts a refusal; one line for those of the last REFUSAL_LOG_MS, not one per request. */
  private refuse(label: string): void {
    this.refused += 1;
    this.refusals.inc();
    const now = Date.now();
    if (now - this.lastRefusalLog < REFUSAL_LOG_MS) return;
    this.lastRefusalLog = now;
    this.logger.warn(
      `${label}: ${this.refused - this.refusedLogged} request(s) refused with 503 since the last report, ${this.maxWaiting} jobs already held`,
    );
    this.refusedLogged = this.refused;
  }

  /**
   * Holds `work` with no reply to wait for (a request taken up again by another process);
   * false, and nothing held, when every place is taken or the process is stopping.
   */
  takeUp(label: string, work: () => Promise<unknown>): boolean {
    if (this.closing || this.waiting.length + this.reserved >= this.maxWaiting) return false;
    this.waiting.push({ label, work });
    this.next();
    return true;
  }

  /** Jobs held or running (metrics, tests). */
  get pending(): number {
    return this.reserved + this.waiting.length + this.running;
  }

  /** Runs of each batch in flight. */
  private readonly batchRuns = new Map<Batch<unknown>, number>();

  private next(): void {
    while (this.slots < this.concurrency && this.waiting.length) {
      const at = this.waiting.findIndex(
        (j) => !j.batch || (this.batchRuns.get(j.batch) ?? 0) < j.batch.concurrency,
      );
      if (at < 0) return;
      const job = this.waiting.splice(at, 1)[0]!;
      let work = job.work;
      let label = job.label;
      let count = 1;
      const { batch } = job;
      if (batch) {
        const items = [job.item];
        for (let i = at; i < this.waiting.length && items.length < batch.max;)
          if (this.waiting[i]!.batch === batch) items.push(this.waiting.splice(i, 1)[0]!.item);
          else i += 1;
        this.batchRuns.set(batch, (this.batchRuns.get(batch) ?? 0) + 1);
        work = () => batch.run(items);
        count = items.length;
        if (count > 1) label = `${label} (batch of ${count})`;
      }
      this.slots += 1;
      this.running += count;
      setImmediate(() => {
        work!()
          .catch((error: unknown) =>
            this.logger.error(`${label} failed: ${(error as Error)?.stack ?? String(error)}`),
          )
          .finally(() => {
            if (batch) this.batchRuns.set(batch, this.batchRuns.get(batch)! - 1);
            this.slots -= 1;
            this.running -= count;
            this.next();
            if (this.pending === 0) this.idle?.();
          });
      });
    }
  }

  /** Before the database and Redis connections close (their hooks run in onApplicationShutdown). */
  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    if (this.pending === 0) return;
    this.logger.log(`finishing ${this.pending} background job(s) before exit`);
    await Promise.race([
      new Promise<void>((resolve) => (this.idle = resolve)),
      new Promise((resolve) => setTimeout(resolve, DRAIN_MS).unref()),
    ]);
    if (this.pending > 0)
      this.logger.error(
        `${this.pending} accepted request(s) not worked within ${DRAIN_MS} ms of shutdown`,
      );
  }
}
