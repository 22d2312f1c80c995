import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type LdapPerson, type RunningSlapd, startSlapd } from '@guichet/testing';
import { tenantId, testHash } from './factories/users.js';
import { cookieHeader } from './support/http.js';
import { auditEvents, waitFor } from './support/outbox.js';
import { CEGEP, createTestContext, type TestContext } from './support/test-app.js';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

const PEOPLE: LdapPerson[] = [
  { uid: 'trej', givenName: 'Jean', sn: 'Tremblay', mail: 'jean.tremblay@cegepsi.ca' },
  { uid: 'leve', givenName: 'Émilie', sn: 'Lévesque-Côté', mail: 'emilie.levesque@cegepsi.ca' },
  { uid: 'stpm', givenName: 'Marc', sn: 'St-Pierre', mail: 'marc.stpierre@cegepsi.ca' },
  { uid: 'damj', givenName: 'Julie', sn: "D'Amours", mail: 'julie.damours@cegepsi.ca' },
  // No mail: rejected, with the reason, and never half-written.
  { uid: 'nomail', givenName: 'Sans', sn: 'Courriel' },
];

/**
 * Directory sync against a real OpenLDAP (slapd started by the test, its own config, port
 * and database) through the CLI of DESIGN.md: configure, first sync, idempotent re-sync,
 * movers, leavers out everywhere, the safety net, a wrong bind password.
 */
describe('directory sync over LDAP (CLI)', () => {
  let ctx: TestContext;
  let ldap: RunningSlapd;
  let cegep: string;

  beforeAll(async () => {
    [ctx, ldap] = await Promise.all([createTestContext(), startSlapd({ people: PEOPLE })]);
    cegep = await tenantId(ctx, 'cegepdeseptiles');
  });
  afterAll(async () => {
    await Promise.all([ctx?.close(), ldap?.stop()]);
  });

  const cli = (args: string[], env: Record<string, string> = {}) =>
    new Promise<CliResult>((resolve) => {
      execFile(
        process.execPath,
        [CLI, ...args],
        {
          env: {
            PATH: process.env.PATH ?? '',
            DATABASE_URL: ctx.db.url,
            REDIS_URL: ctx.env.REDIS_URL!,
            REDIS_PREFIX: ctx.prefix,
            DATA_ENCRYPTION_KEY: ctx.env.DATA_ENCRYPTION_KEY!,
            DIRECTORY_ALLOWED_HOSTS: '127.0.0.1',
            LOG_LEVEL: 'warn',
            ...env,
          },
        },
        (error, stdout, stderr) =>
          resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
  const configure = (extra: string[] = [], password = ldap.syncPassword, url = ldap.url) =>
    cli(
      [
        ...ldap.configureArgs('cegepdeseptiles', url),
        '--disabled-filter',
        '(employeeType=disabled)',
        ...extra,
      ],
      { LDAP_BIND_PASSWORD: password },
    );
  const sync = (...extra: string[]) =>
    cli(['directory', 'sync', '--tenant', 'cegepdeseptiles', ...extra]);
  const accounts = () =>
    ctx.dataSource.query<
      {
        username: string;
        firstName: string;
        lastName: string;
        email: string;
        externalId: string;
        status: string;
        source: string | null;
      }[]
    >(
      `SELECT username, first_name AS "firstName", last_name AS "lastName", email, external_id AS "externalId", status, source
         FROM users WHERE tenant_id = $1 ORDER BY username`,
      [cegep],
    );

  it('configure: validated, the password read from the variable it names and stored encrypted', async () => {
    const bad = await configure(['--filter', '(objectClass=inetOrgPerson']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/filter/);
    const refused = await cli(
      [
        'directory',
        'configure',
        '--tenant',
        'cegepdeseptiles',
        '--url',
        ldap.url,
        '--bind-dn',
        ldap.syncDn,
        '--base-dn',
        ldap.peopleDn,
      ],
      { DIRECTORY_ALLOWED_HOSTS: '' },
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/loopback address.*DIRECTORY_ALLOWED_HOSTS/);

    const ok = await configure();
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Directory of cegepdeseptiles configured');
    const [row] = await ctx.dataSource.query<{ directory: Record<string, unknown> }[]>(
      'SELECT directory FROM tenant_settings WHERE tenant_id = $1',
      [cegep],
    );
    expect(JSON.stringify(row!.directory)).not.toContain(ldap.syncPassword);
    expect(row!.directory.bindPasswordCiphertext).toMatch(/^v1\./);
    const audit = await auditEvents(ctx, cegep, 'directory.configured');
    expect(JSON.stringify(audit)).not.toContain(ldap.syncPassword);
  });

  it('first sync: one line per change, the summary; accounts created from the directory', async () => {
    const result = await sync();
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`created trej (${ldap.personDn('trej')})`);
    expect(result.stdout).toMatch(
      /rejected nomail \(uid=nomail,[^)]*\): no mail \(email address\)/,
    );
    expect(result.stdout).toMatch(
      /cegepdeseptiles: 4 created, 0 updated, 0 disabled, 0 unchanged, 1 rejected/,
    );
    const rows = await accounts();
    expect(rows.map((r) => [r.username, r.firstName, r.lastName, r.email, r.source])).toEqual([
      ['damj', 'Julie', "D'Amours", 'julie.damours@cegepsi.ca', 'directory'],
      ['leve', 'Émilie', 'Lévesque-Côté', 'emilie.levesque@cegepsi.ca', 'directory'],
      ['stpm', 'Marc', 'St-Pierre', 'marc.stpierre@cegepsi.ca', 'directory'],
      ['trej', 'Jean', 'Tremblay', 'jean.tremblay@cegepsi.ca', 'directory'],
    ]);
    expect(rows.every((r) => /^[0-9a-f-]{36}$/.test(r.externalId))).toBe(true);
    const [run] = await ctx.dataSource.query<{ trigger: string; status: string; counts: object }[]>(
      'SELECT trigger, status, counts FROM directory_runs WHERE tenant_id = $1 ORDER BY started_at DESC LIMIT 1',
      [cegep],
    );
    expect(run).toEqual({
      trigger: 'cli',
      status: 'ok',
      counts: { created: 4, updated: 0, disabled: 0, unchanged: 0, rejected: 1 },
    });
  });

  it('an idempotent re-sync: everything unchanged, nothing written', async () => {
    const before = await ctx.dataSource.query<{ updated_at: Date }[]>(
      'SELECT updated_at FROM users WHERE tenant_id = $1 ORDER BY username',
      [cegep],
    );
    const result = await sync();
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/0 created, 0 updated, 0 disabled, 4 unchanged, 1 rejected/);
    expect(result.stdout).not.toMatch(/^(created|updated|disabled) /m);
    const after = await ctx.dataSource.query<{ updated_at: Date }[]>(
      'SELECT updated_at FROM users WHERE tenant_id = $1 ORDER BY username',
      [cegep],
    );
    expect(after).toEqual(before);
  });

  it('movers: a new email and last name reach the account; its pending links are void', async () => {
    await ctx.dataSource.query(
      `INSERT INTO action_tokens (tenant_id, user_id, purpose, token_hash, expires_at)
       SELECT tenant_id, id, 'password-reset', convert_to('mover-' || id::text, 'UTF8'), now() + interval '1 hour' FROM users WHERE tenant_id = $1 AND username = 'trej'`,
      [cegep],
    );
    await ldap.modifyPerson('trej', { mail: 'jt@cegepsi.ca', sn: 'Tremblay-Roy' });
    const result = await sync();
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`updated trej (${ldap.personDn('trej')}): lastName, email`);
    expect(result.stdout).toMatch(/0 created, 1 updated, 0 disabled, 3 unchanged, 1 rejected/);
    const trej = (await accounts()).find((r) => r.username === 'trej')!;
    expect([trej.lastName, trej.email]).toEqual(['Tremblay-Roy', 'jt@cegepsi.ca']);
    const [token] = await ctx.dataSource.query<{ voided: boolean }[]>(
      `SELECT voided_at IS NOT NULL AS voided FROM action_tokens WHERE tenant_id = $1 AND convert_from(token_hash, 'UTF8') LIKE 'mover-%'`,
      [cegep],
    );
    expect(token!.voided).toBe(true);
  });

  it('a wrong bind password: the run fails with a clear message, exit 1, nobody disabled', async () => {
    expect((await configure([], 'not-the-password')).code).toBe(0);
    await ldap.removePerson('stpm');
    const result = await sync();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'the sync failed: The directory refused the bind DN or password (invalid credentials).',
    );
    expect((await accounts()).filter((r) => r.status === 'active')).toHaveLength(4);
    const [run] = await ctx.dataSource.query<{ status: string; error: string }[]>(
      'SELECT status, error FROM directory_runs WHERE tenant_id = $1 ORDER BY started_at DESC LIMIT 1',
      [cegep],
    );
    expect(run).toEqual({ status: 'failed', error: expect.stringMatching(/invalid credentials/) });

    const closed = ldap.url.replace(/:\d+$/, ':1');
    expect((await configure([], ldap.syncPassword, closed)).code).toBe(0);
    const unreachable = await sync();
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(/Cannot reach the directory at .*: connection refused/);
    expect((await accounts()).filter((r) => r.status === 'active')).toHaveLength(4);
    expect((await configure()).code).toBe(0);
  });

  it('leavers are out everywhere: no sign-in, no session, no email (same reply as anyone)', async () => {
    // damj enrolled and signed in before she leaves.
    await ctx.dataSource.query(
      `UPDATE users SET password_hash = $2, enrolled_at = now() WHERE tenant_id = $1 AND username = 'damj'`,
      [cegep, await testHash('Depart-2026!')],
    );
    const login = await ctx.request(CEGEP, {
      method: 'POST',
      path: '/api/v1/auth/login',
      body: { username: 'damj', password: 'Depart-2026!', remember: 'none' },
    });
    expect(login.status).toBe(200);
    await ldap.modifyPerson('damj', { employeeType: 'disabled' });
    // stpm was removed from the directory in the previous test.
    const result = await sync();
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('disabled stpm: no longer returned by the directory');
    expect(result.stdout).toContain(
      `disabled damj (${ldap.personDn('damj')}): disabled in the directory`,
    );
    expect(result.stdout).toMatch(/0 created, 0 updated, 2 disabled, 2 unchanged, 1 rejected/);
    const rows = await accounts();
    expect(rows.filter((r) => r.status === 'disabled').map((r) => r.username)).toEqual([
      'damj',
      'stpm',
    ]);

    const again = await ctx.request(CEGEP, {
      method: 'POST',
      path: '/api/v1/auth/login',
      body: { username: 'damj', password: 'Depart-2026!', remember: 'none' },
    });
    expect(again.status).toBe(401);
    const refresh = await ctx.request(CEGEP, {
      method: 'POST',
      path: '/api/v1/auth/refresh',
      headers: { cookie: cookieHeader(login) },
    });
    expect(refresh.status).toBe(401);
    const forgot = (username: string) =>
      ctx.request(CEGEP, {
        method: 'POST',
        path: '/api/v1/password/forgot',
        body: { username },
      });
    const [leaver, stranger] = [await forgot('damj'), await forgot('nobody-here')];
    expect([leaver.status, leaver.body]).toEqual([stranger.status, stranger.body]);
    const audited = await waitFor(
      () => auditEvents(ctx, cegep, 'recovery.requested'),
      (events) => events.some((e) => e.after?.outcome === 'account_disabled'),
    );
    expect(audited.some((e) => e.after?.outcome === 'account_disabled')).toBe(true);
    const [{ n }] = await ctx.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM email_deliveries d JOIN users u ON u.id = d.user_id WHERE u.tenant_id = $1 AND u.username = 'damj'`,
      [cegep],
    );
    expect(n).toBe(0);
  });

  it('a leaver the directory brings back is active again', async () => {
    await ldap.modifyPerson('damj', { employeeType: 'staff' });
    const result = await sync();
    expect(result.stdout).toContain(`updated damj (${ldap.personDn('damj')}): status`);
    expect((await accounts()).find((r) => r.username === 'damj')!.status).toBe('active');
  });

  it('the safety net: a filter that returns nobody disables nobody unless forced', async () => {
    expect((await configure(['--filter', '(uid=nobody-matches)'])).code).toBe(0);
    const dry = await sync('--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/\(dry run, nothing changed\): 0 created, 0 updated, 3 disabled/);
    expect(dry.stderr).toMatch(/Warning: This sync would disable 3 of the 3 accounts/);
    const refused = await sync();
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/would disable 3 of the 3 accounts .*nothing was changed/);
    expect((await accounts()).filter((r) => r.status === 'active')).toHaveLength(3);
    expect((await configure()).code).toBe(0);
  });
});
