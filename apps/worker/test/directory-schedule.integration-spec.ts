import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { directoryAccounts } from '@guichet/db';
import { parseDirectorySettings, storeDirectorySettings } from '@guichet/directory';
import { type RunningProcess, type RunningSlapd, startSlapd } from '@guichet/testing';
import { createWorkerContext, waitUntil, type WorkerContext } from './support.js';

/** Scheduled directory syncs: the worker's ticker finds the due tenant and syncs it from a real slapd. */
describe('scheduled directory sync (worker)', () => {
  let ctx: WorkerContext;
  let ldap: RunningSlapd;
  const workers: RunningProcess[] = [];

  beforeAll(async () => {
    [ctx, ldap] = await Promise.all([
      createWorkerContext(),
      startSlapd({
        people: [
          { uid: 'trej', givenName: 'Jean', sn: 'Tremblay', mail: 'jean.tremblay@cegepsi.ca' },
          { uid: 'gagm', givenName: 'Marie', sn: 'Gagnon', mail: 'marie.gagnon@cegepsi.ca' },
        ],
      }),
    ]);
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await Promise.all([ctx?.close(), ldap?.stop()]);
  });

  const runs = (tenantId: string) =>
    ctx.dataSource.query<{ trigger: string; status: string; counts: Record<string, number> }[]>(
      'SELECT trigger, status, counts FROM directory_runs WHERE tenant_id = $1 ORDER BY started_at',
      [tenantId],
    );

  it('two workers: the due tenant is synced once, on schedule, as trigger "scheduled"', async () => {
    const tenantId = ctx.tenants.cegepdeseptiles.id;
    const request = parseDirectorySettings(ldap.settings({ everyMinutes: 5 }));
    await directoryAccounts.saveSettings(
      ctx.dataSource,
      tenantId,
      storeDirectorySettings(request, null, ctx.encryptor).stored,
    );
    const env = { DIRECTORY_TICK_MS: '300', DIRECTORY_ALLOWED_HOSTS: '127.0.0.1' };
    workers.push(await ctx.startWorker(env), await ctx.startWorker(env));
    await waitUntil(async () => (await runs(tenantId)).length > 0, 20_000, 'a scheduled run');
    await waitUntil(
      async () => (await runs(tenantId)).every((r) => r.status !== 'running'),
      20_000,
      'the run to finish',
    );
    const done = await runs(tenantId);
    expect(done).toEqual([
      {
        trigger: 'scheduled',
        status: 'ok',
        counts: { created: 2, updated: 0, disabled: 0, unchanged: 0, rejected: 0 },
      },
    ]);
    const users = await ctx.dataSource.query<{ username: string; source: string }[]>(
      'SELECT username, source FROM users WHERE tenant_id = $1 ORDER BY username',
      [tenantId],
    );
    expect(users).toEqual([
      { username: 'gagm', source: 'directory' },
      { username: 'trej', source: 'directory' },
    ]);
    // Monteregie has no directory: never synced.
    expect(await runs(ctx.tenants.monteregie.id)).toEqual([]);
  });
});
