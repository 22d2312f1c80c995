import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { ImportReport } from '@guichet/types';
import { createUser, portalLogin, tenantId, type TestUser } from './factories/users.js';
import { signIn as adminSignIn } from './support/admin.js';
import { cookieHeader } from './support/http.js';
import { guichetCli } from './support/oidc.js';
import { outboxRows, waitFor } from './support/outbox.js';
import { ADMIN_HOST, CEGEP, createTestContext, type TestContext } from './support/test-app.js';

jest.setTimeout(120_000);

/** `users import --disable-missing`: a full export; the accounts it does not name are leavers. */
describe('CSV import of a full export (--disable-missing)', () => {
  let ctx: TestContext;
  let dir: string;
  let cegep: string;
  let staff: TestUser[];
  let ip = 0;
  const nextIp = () => `10.70.0.${++ip}`;

  const file = (name: string, lines: string[]) => {
    const path = join(dir, name);
    writeFileSync(path, ['lastName,firstName,email,username,externalId', ...lines].join('\n'));
    return path;
  };
  const lineOf = (u: TestUser, i: number) => `Nom${i},Prénom${i},${u.email},,`;
  /** `guichet users import --tenant cegepdeseptiles FILE --disable-missing …`. */
  const importMissing = (path: string, ...more: string[]) =>
    guichetCli(ctx, [
      'users',
      'import',
      '--tenant',
      'cegepdeseptiles',
      path,
      '--disable-missing',
      ...more,
    ]);
  const activeIds = () =>
    ctx.dataSource.query<{ id: string }[]>(
      `SELECT id FROM users WHERE tenant_id = $1 AND status = 'active' ORDER BY id`,
      [cegep],
    );
  const status = async (u: TestUser) =>
    (
      await ctx.dataSource.query<{ status: string }[]>('SELECT status FROM users WHERE id = $1', [
        u.id,
      ])
    )[0]!.status;

  beforeAll(async () => {
    ctx = await createTestContext({ TRUSTED_PROXIES: '127.0.0.1' });
    dir = mkdtempSync(join(tmpdir(), 'guichet-leavers-'));
    cegep = await tenantId(ctx, 'cegepdeseptiles');
    staff = [];
    for (let i = 0; i < 20; i += 1)
      staff.push(
        await createUser(ctx, 'cegepdeseptiles', {
          username: `staff${i}x`,
          email: `staff${i}@cegepsi.test`,
          firstName: `Prénom${i}`,
          lastName: `Nom${i}`,
        }),
      );
  }, 180_000);
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await ctx?.close();
  });

  it('disables the active accounts the file does not name (sessions ended, no sign-in, no email), keeps those a rejected line names, and touches no other tenant', async () => {
    const monteregie = await createUser(ctx, 'monteregie', { username: 'abcd1234' });
    const [leaver, kept, ...rest] = staff as [TestUser, TestUser, ...TestUser[]];
    const login = await portalLogin(ctx, CEGEP, leaver, 'all', { 'x-forwarded-for': nextIp() });
    expect(login.status).toBe(200);
    const { accessToken } = login.json<{ accessToken: string }>();

    // `kept`'s line is rejected (a username outside the rule) but names them: not a leaver.
    const path = file('full.csv', [
      ...rest.map((u, i) => lineOf(u, i + 2)),
      `Nom1,Prénom1,${kept.email},not a valid username!,`,
      'Nouveau,Arrivé,nouveau.arrive@cegepsi.test,,',
    ]);
    const run = await importMissing(path);
    expect(run.stdout).toContain(`disabled ${leaver.username} (not in the file)`);
    expect(run.stdout).toMatch(/1 created, 0 updated, 18 unchanged, 1 rejected, 1 disabled/);
    expect(run.code).toBe(1); // a line was rejected
    expect(await status(leaver)).toBe('disabled');
    expect(await status(kept)).toBe('active');
    expect(await status(monteregie)).toBe('active');
    for (const u of rest) expect(await status(u)).toBe('active');

    // Out everywhere: the access and refresh tokens, a new sign-in, a forgot-password email.
    expect(
      (
        await ctx.request(CEGEP, {
          path: '/api/v1/me',
          headers: { authorization: `Bearer ${accessToken}` },
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await ctx.request(CEGEP, {
          method: 'POST',
          path: '/api/v1/auth/refresh',
          headers: { cookie: cookieHeader(login) },
        })
      ).status,
    ).toBe(401);
    const again = await portalLogin(ctx, CEGEP, leaver, 'none', { 'x-forwarded-for': nextIp() });
    expect(again.status).toBe(401);
    const forgot = await ctx.request(CEGEP, {
      method: 'POST',
      path: '/api/v1/password/forgot',
      body: { username: leaver.username },
      headers: { 'x-forwarded-for': nextIp() },
    });
    expect(forgot.status).toBe(202);
    await waitFor(
      () => ctx.dataSource.query<unknown[]>('SELECT 1 FROM account_requests'),
      (rows) => rows.length === 0,
    );
    expect(await ctx.dataSource.query('SELECT 1 FROM account_requests')).toEqual([]);
    expect(await outboxRows(ctx, { userId: leaver.id })).toEqual([]);

    const audit = await ctx.dataSource.query<{ after: { source: string }; actorType: string }[]>(
      `SELECT after, actor_type AS "actorType" FROM audit_events WHERE action = 'user.disabled' AND target_id = $1`,
      [leaver.id],
    );
    expect(audit).toEqual([
      { after: { status: 'disabled', source: 'import' }, actorType: 'system' },
    ]);
  });

  it('refuses, writing nothing, a file that looks partial: most accounts missing, an unreadable line, nobody named', async () => {
    const active = await activeIds();
    const partial = file('partial.csv', [
      lineOf(staff[2]!, 2),
      'Autre,Nouvelle,autre.nouvelle@cegepsi.test,,',
    ]);
    const refused = await importMissing(partial);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /Not imported: The file would disable \d+ of the tenant's \d+ active accounts/,
    );
    const unreadable = file('unreadable.csv', [
      ...staff.slice(1).map((u, i) => lineOf(u, i + 1)),
      'Sans,Adresse,,,',
    ]);
    const refused2 = await importMissing(unreadable);
    expect(refused2.code).toBe(1);
    expect(refused2.stderr).toContain('could not be read');
    const empty = file('empty.csv', []);
    const refused3 = await importMissing(empty);
    expect(refused3.code).toBe(1);
    expect(await activeIds()).toEqual(active);
    expect(
      await ctx.dataSource.query(`SELECT 1 FROM users WHERE email = 'autre.nouvelle@cegepsi.test'`),
    ).toEqual([]);
    // Allowed explicitly, in a dry run: reported, nothing written.
    const dry = await importMissing(partial, '--allow-mass-disable', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('dry run: nothing was written');
    expect(dry.stdout).toMatch(/1 created, 0 updated, 1 unchanged, 0 rejected, \d+ disabled/);
    expect(await activeIds()).toEqual(active);
  });

  it('admin API: a preview (dryRun) lists who would be disabled and changes nothing; the confirmed import disables them', async () => {
    const admin = await adminSignIn(ctx);
    const leaver = staff[19]!;
    const csv = [
      'lastName,firstName,email',
      ...staff.slice(1, 19).map((u, i) => `Nom${i + 1},Prénom${i + 1},${u.email}`),
    ].join('\n');
    const upload = (query: string) =>
      ctx.request(ADMIN_HOST, {
        method: 'POST',
        path: `/api/v1/admin/tenants/${cegep}/users/import?${query}`,
        body: csv,
        headers: { 'content-type': 'text/csv', authorization: `Bearer ${admin.token}` },
      });
    const preview = await upload('disableMissing=true&dryRun=true');
    expect(preview.status).toBe(200);
    const report = preview.json<ImportReport>();
    expect(report.dryRun).toBe(true);
    expect(report.disabled?.map((d) => d.username)).toContain(leaver.username);
    expect(report.summary.disabled).toBe(report.disabled!.length);
    expect(await status(leaver)).toBe('active');

    const done = await upload('disableMissing=true');
    expect(done.status).toBe(200);
    expect(done.json<ImportReport>().dryRun).toBeUndefined();
    expect(done.json<ImportReport>().disabled).toEqual(report.disabled);
    expect(await status(leaver)).toBe('disabled');
    expect((await upload('disableMissing=maybe')).status).toBe(400);
    const mass = await ctx.request(ADMIN_HOST, {
      method: 'POST',
      path: `/api/v1/admin/tenants/${cegep}/users/import?disableMissing=true`,
      body: 'lastName,firstName,email\nSeul,Restant,seul.restant@cegepsi.test',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${admin.token}` },
    });
    expect(mass.status).toBe(422);
    expect(mass.json<{ error: string }>().error).toBe('disable_refused');
  });
});
