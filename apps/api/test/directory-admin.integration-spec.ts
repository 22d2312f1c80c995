import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type LdapPerson, type RunningSlapd, startSlapd } from '@guichet/testing';
import type {
  DirectoryRunView,
  DirectorySettingsView,
  DirectoryTestResponse,
} from '@guichet/types';
import { tenantId } from './factories/users.js';
import { signIn } from './support/admin.js';
import { ADMIN_HOST, createTestContext, type TestContext } from './support/test-app.js';

/** Montérégie's unified accounts (pattern [a-z]{4}\d{4}): 1,200 of them, over slapd's size limit of 500. */
const PEOPLE: LdapPerson[] = Array.from({ length: 1200 }, (_, i) => ({
  uid: `gama${String(i).padStart(4, '0')}`,
  givenName: 'Marie',
  sn: `Gagnon ${i}`,
  mail: `marie.gagnon${i}@ssss.gouv.qc.ca`,
}));

/** The Directory admin API against a real slapd: settings, test connection, preview, sync now, runs, the lock. */
describe('directory admin API', () => {
  let ctx: TestContext;
  let ldap: RunningSlapd;
  let token: string;
  let monteregie: string;

  beforeAll(async () => {
    [ctx, ldap] = await Promise.all([
      createTestContext(),
      startSlapd({ people: PEOPLE, sizeLimit: 500 }),
    ]);
    monteregie = await tenantId(ctx, 'monteregie');
    token = (await signIn(ctx)).token;
  });
  afterAll(async () => {
    await Promise.all([ctx?.close(), ldap?.stop()]);
  });

  const api = (method: string, path: string, body?: unknown) =>
    ctx.request(ADMIN_HOST, {
      method,
      path: `/api/v1/admin/tenants/${monteregie}/directory${path}`,
      body,
      headers: { authorization: `Bearer ${token}` },
    });
  const settings = (over: Record<string, unknown> = {}) => ldap.settings(over);
  const count = async () =>
    (
      await ctx.dataSource.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM users WHERE tenant_id = $1',
        [monteregie],
      )
    )[0]!.n;

  it('rejects bad settings with a 400 per field, and never returns the password', async () => {
    const bad = await api('PUT', '', settings({ filter: '(uid=', url: 'http://x' }));
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json<{ fields: object }>().fields).sort()).toEqual(['filter', 'url']);
    const syntax = await api('PUT', '', settings({ filter: '(&(uid=a)(cn=b)' }));
    expect(syntax.status).toBe(400);
    expect(syntax.json<{ fields: Record<string, string[]> }>().fields.filter![0]).toMatch(
      /not a valid LDAP filter/,
    );
    const ok = await api('PUT', '', settings());
    expect(ok.status).toBe(200);
    expect(ok.body).not.toContain(ldap.syncPassword);
    expect(ok.json<DirectorySettingsView>().settings).toMatchObject({ passwordSet: true });
    // Left blank, the password is kept.
    const { bindPassword: _, ...withoutPassword } = settings({ everyMinutes: 60 });
    const kept = await api('PUT', '', withoutPassword);
    expect(kept.json<DirectorySettingsView>().settings).toMatchObject({
      passwordSet: true,
      everyMinutes: 60,
    });
    expect((await api('GET', '')).body).not.toContain(ldap.syncPassword);
  });

  it('test connection: the bind and a sample; a wrong password says so', async () => {
    const ok = (await api('POST', '/test', {})).json<DirectoryTestResponse>();
    expect(ok.ok).toBe(true);
    expect(ok.sample).toHaveLength(5);
    const wrong = await api('POST', '/test', settings({ bindPassword: 'nope' }));
    expect(wrong.status).toBe(200);
    expect(wrong.json<DirectoryTestResponse>()).toMatchObject({
      ok: false,
      message: expect.stringMatching(/invalid credentials/),
    });
  });

  it('preview changes nothing; sync now pages past the server size limit (1,200 > 500)', async () => {
    const preview = await api('POST', '/sync', { dryRun: true });
    expect(preview.status).toBe(200);
    const run = preview.json<DirectoryRunView>();
    expect(run).toMatchObject({
      dryRun: true,
      status: 'ok',
      counts: { created: 1200, updated: 0, disabled: 0, unchanged: 0, rejected: 0 },
    });
    expect(run.changes).toHaveLength(1000);
    expect(run.changesTruncated).toBe(true);
    expect(await count()).toBe(0);

    const synced = await api('POST', '/sync', {});
    expect(synced.json<DirectoryRunView>()).toMatchObject({ dryRun: false, status: 'ok' });
    expect(synced.json<DirectoryRunView>().counts.created).toBe(1200);
    expect(await count()).toBe(1200);
    const again = (await api('POST', '/sync', {})).json<DirectoryRunView>();
    expect(again.counts).toEqual({
      created: 0,
      updated: 0,
      disabled: 0,
      unchanged: 1200,
      rejected: 0,
    });

    const runs = (await api('GET', '/runs')).json<DirectoryRunView[]>();
    expect(runs.map((r) => [r.trigger, r.dryRun])).toEqual([
      ['manual', false],
      ['manual', false],
      ['manual', true],
    ]);
    expect(runs[0]!.changes).toBeUndefined();
    const one = await api('GET', `/runs/${runs[2]!.id}`);
    expect(one.json<DirectoryRunView>().changes![0]).toMatchObject({ kind: 'created' });
    expect((await api('GET', '/runs/not-a-uuid')).status).toBe(404);
  });

  it('a sync while another runs gets a clear 409, whichever process holds the lock', async () => {
    const key = `${ctx.prefix}:directory-sync-lock:${monteregie}`;
    await ctx.redis.set(key, 'another-worker', 'PX', 30_000);
    try {
      const busy = await api('POST', '/sync', {});
      expect(busy.status).toBe(409);
      expect(busy.json<{ message: string }>().message).toMatch(/already running/);
    } finally {
      await ctx.redis.del(key);
    }
    expect((await api('POST', '/sync', { dryRun: false })).status).toBe(200);
  });

  it('another tenant’s runs are not reachable through this tenant', async () => {
    const cegep = await tenantId(ctx, 'cegepdeseptiles');
    const [run] = await ctx.dataSource.query<{ id: string }[]>(
      'SELECT id FROM directory_runs WHERE tenant_id = $1 LIMIT 1',
      [monteregie],
    );
    const cross = await ctx.request(ADMIN_HOST, {
      method: 'GET',
      path: `/api/v1/admin/tenants/${cegep}/directory/runs/${run!.id}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(cross.status).toBe(404);
  });
});
