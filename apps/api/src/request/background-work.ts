import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

/** Jobs run at once: enough to keep the database pool busy, not to starve the replies. */
const CONCURRENCY = 16;
/** Jobs waiting beyond which new ones are dropped (a flood from many addresses). */
const MAX_WAITING = 10_000;
const DRAIN_MS = 10_000;

/**
 * Work done after the reply has gone out (forgot-password, enrolment), so its duration, its
 * outcome and the health of Redis, PostgreSQL or SMTP cannot show in the reply. Bounded:
 * at most CONCURRENCY jobs run, at most MAX_WAITING wait; errors are logged here. On
 * shutdown, what is queued is finished (within DRAIN_MS) before the process exits.
 */
@Injectable()
export class BackgroundWork implements BeforeApplicationShutdown {
  private readonly logger = new Logger(BackgroundWork.name);
  private readonly waiting: { label: string; work: () => Promise<unknown> }[] = [];
  private running = 0;
  private idle: (() => void) | null = null;

  afterResponse(reply: FastifyReply, label: string, work: () => Promise<unknown>): void {
    let queued = false;
    const enqueue = () => {
      if (queued) return;
      queued = true;
      if (this.waiting.length >= MAX_WAITING) {
        this.logger.error(`${label}: dropped, ${MAX_WAITING} jobs already waiting`);
        return;
      }
      this.waiting.push({ label, work });
      this.next();
    };
    reply.raw.once('finish', enqueue);
    reply.raw.once('close', enqueue);
  }

  /** Jobs waiting or running (metrics, tests). */
  get pending(): number {
    return this.waiting.length + this.running;
  }

  private next(): void {
    while (this.running < CONCURRENCY && this.waiting.length) {
      const job = this.waiting.shift()!;
      this.running += 1;
      setImmediate(() => {
        job
          .work()
          .catch((error: unknown) => this.logger.error(`${job.label} failed: ${(error as Error)?.stack ?? String(error)}`))
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
    if (this.pending === 0) return;
    this.logger.log(`finishing ${this.pending} background job(s) before exit`);
    await Promise.race([new Promise<void>((resolve) => (this.idle = resolve)), new Promise((resolve) => setTimeout(resolve, DRAIN_MS).unref())]);
  }
}
