import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { httpRequest } from '@guichet/testing';
import { createWorkerContext, waitUntil, type WorkerContext } from './support.js';

describe('graceful drain of the worker on SIGTERM', () => {
  let ctx: WorkerContext;
  beforeAll(async () => {
    ctx = await createWorkerContext();
  });
  afterAll(() => ctx.close());

  it('turns not ready, finishes the jobs in flight (each email sent once, marked sent), then exits 0', async () => {
    const worker = await ctx.startWorker();
    ctx.smtp.setDelay(1500);
    const users = await Promise.all([1, 2, 3].map(() => ctx.createUser('cegepdeseptiles')));
    const ids: string[] = [];
    for (const user of users) ids.push((await ctx.requestLinkEmail(user)).outboxId);
    await waitUntil(
      async () => {
        const [{ n }] = await ctx.dataSource.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM email_deliveries WHERE id = ANY($1) AND status = 'sending'`,
          [ids],
        );
        return n === 3;
      },
      15_000,
      'three jobs in flight',
    );
    worker.child.kill('SIGTERM');
    await waitUntil(
      async () =>
        (await httpRequest(worker.port, { path: '/health/ready' }).catch(() => null))?.status ===
        503,
      5000,
      'readiness 503',
    );
    expect(await worker.exited).toBe(0);
    const rows = await ctx.dataSource.query<{ status: string }[]>(
      'SELECT status FROM email_deliveries WHERE id = ANY($1)',
      [ids],
    );
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
    for (const user of users)
      expect(ctx.smtp.messages.filter((m) => m.to.includes(user.email))).toHaveLength(1);
    ctx.smtp.setDelay(0);
  }, 60_000);
});
