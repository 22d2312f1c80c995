import { type BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { type AppConfig, CONFIG } from '../config/config.js';
import { BackgroundBusyException } from './background-busy.exception.js';

const DRAIN_MS = 10_000;

/**
 * Work done after the reply has gone out (forgot-password, enrolment), so its duration, its
 * outcome and the health of Redis, PostgreSQL or SMTP cannot show in the reply. Bounded:
 * at most BACKGROUND_CONCURRENCY jobs run and at most BACKGROUND_MAX_WAITING are held. The
 * place is taken before the reply (`afterResponse` throws a 503 when there is none), so an
 * accepted request is never dropped afterwards: a 202 means the work will run. Errors are
 * logged here. On shutdown, what is held is finished (within DRAIN_MS) before the process
 * exits, and new requests get the 503 (the server still answers while the hooks run).
 */
@Injectable()
export class BackgroundWork implements BeforeApplicationShutdown {
  private readonly logger = new Logger(BackgroundWork.name);
  private readonly waiting: { label: string; work: () => Promise<unknown> }[] = [];
  private readonly concurrency: number;
  private readonly maxWaiting: number;
  /** Places taken by requests whose reply has not gone out yet. */
  private reserved = 0;
  private running = 0;
  private idle: (() => void) | null = null;
  /** Set on shutdown: what is held is finished, nothing new is taken on. */
  private closing = false;

  constructor(@Inject(CONFIG) config: AppConfig) {
    this.concurrency = config.BACKGROUND_CONCURRENCY;
    this.maxWaiting = config.BACKGROUND_MAX_WAITING;
  }

  /**
   * Takes a place for `work`, run once the reply is out; throws `BackgroundBusyException`
   * (503, Retry-After) when every place is taken. Call it before anything about the
   * account is known, so that the 503 cannot depend on the account.
   */
  afterResponse(reply: FastifyReply, label: string, work: () => Promise<unknown>): void {
    if (this.closing || this.waiting.length + this.reserved >= this.maxWaiting) {
      this.logger.warn(`${label}: refused with 503, ${this.maxWaiting} jobs already held`);
      throw new BackgroundBusyException();
    }
    this.reserved += 1;
    let queued = false;
    const enqueue = () => {
      if (queued) return;
      queued = true;
      this.reserved -= 1;
      this.waiting.push({ label, work });
      this.next();
    };
    reply.raw.once('finish', enqueue);
    reply.raw.once('close', enqueue);
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

  private next(): void {
    while (this.running < this.concurrency && this.waiting.length) {
      const job = this.waiting.shift()!;
      this.running += 1;
      setImmediate(() => {
        job
          .work()
          .catch((error: unknown) =>
            this.logger.error(`${job.label} failed: ${(error as Error)?.stack ?? String(error)}`),
          )
          .finally(() => {
            this.running -= 1;
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
