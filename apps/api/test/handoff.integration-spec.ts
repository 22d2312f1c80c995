import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createUser } from './factories/users.js';
import { outboxRows, waitFor } from './support/outbox.js';
import { CEGEP, createTestContext, type TestContext } from './support/test-app.js';

const pendingRequests = (ctx: TestContext) =>
  ctx.dataSource.query<{ id: string; kind: string; username: string }[]>(
    'SELECT id, kind, username FROM account_requests',
  );

describe('a 202 is never lost: forgot-password and enrolment requests are handed off durably', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ HANDOFF_RETRY_SECONDS: '1' });
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('an API killed (SIGKILL) after its 202 and before the work: another API process sends the email', async () => {
    const user = await createUser(ctx, 'cegepdeseptiles');
    const doomed = await ctx.startApi();
    // The account's row lock held by the test: the doomed process's work waits on it.
    const holder = ctx.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
      await holder.query('SELECT id FROM users WHERE id = $1 FOR UPDATE', [user.id]);
      const res = await ctx.request(
        CEGEP,
        { method: 'POST', path: '/api/v1/password/forgot', body: { username: user.username } },
        doomed,
      );
      expect(res.status).toBe(202);
      expect((await pendingRequests(ctx)).map((r) => [r.kind, r.username])).toEqual([
        ['forgot-password', user.username],
      ]);
      // The work has started and waits on the lock: kill the process now.
      await waitFor(
        () =>
          ctx.dataSource.query<{ n: number }[]>(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'`,
            [ctx.db.name],
          ),
        (rows) => rows[0]!.n > 0,
        10_000,
      );
      await doomed.stop('SIGKILL');
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }

    const rows = await waitFor(
      () => outboxRows(ctx, { userId: user.id }),
      (r) => r.length > 0,
      15_000,
    );
    expect(rows.map((r) => r.kind)).toEqual(['password-reset']);
    await waitFor(
      () => pendingRequests(ctx),
      (r) => r.length === 0,
      5000,
    );
  });

  it('a request worked where it was accepted leaves nothing behind', async () => {
    const user = await createUser(ctx, 'cegepdeseptiles', { password: null });
    const res = await ctx.request(CEGEP, {
      method: 'POST',
      path: '/api/v1/enrollment',
      body: { username: user.username },
    });
    expect(res.status).toBe(202);
    const rows = await waitFor(
      () => outboxRows(ctx, { userId: user.id }),
      (r) => r.length > 0,
    );
    expect(rows.map((r) => r.kind)).toEqual(['enrolment']);
    await waitFor(
      () => pendingRequests(ctx),
      (r) => r.length === 0,
    );
  });
});
