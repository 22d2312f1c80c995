import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ImportReport } from '@guichet/types';
import iconv from 'iconv-lite';
import { createUser, tenantId, testHash } from './factories/users.js';
import { cookieHeader, rawRequest } from './support/http.js';
import { auditEvents, linkToken, outboxRows, waitFor } from './support/outbox.js';
import { signIn } from './support/admin.js';
import { ADMIN_HOST, CEGEP, createTestContext, type TestContext } from './support/test-app.js';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

describe('account import (CLI and admin API)', () => {
  let ctx: TestContext;
  let dir: string;
  let adminToken: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    dir = mkdtempSync(join(tmpdir(), 'guichet-import-'));
    adminToken = (await signIn(ctx)).token;
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await ctx.close();
  });

  const file = (name: string, content: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const cli = (...args: string[]) =>
    new Promise<CliResult>((resolve) => {
      execFile(
        process.execPath,
        [CLI, ...args],
        { env: { PATH: process.env.PATH ?? '', DATABASE_URL: ctx.db.url, LOG_LEVEL: 'warn' } },
        (error, stdout, stderr) =>
          resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
  const upload = (
    tenant: string,
    body: string | Buffer,
    headers: Record<string, string> = {},
    token = adminToken,
  ) =>
    ctx.request(ADMIN_HOST, {
      method: 'POST',
      path: `/api/v1/admin/tenants/${tenant}/users/import`,
      body: typeof body === 'string' ? body : body.toString('latin1'),
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}`, ...headers },
    });
  const users = (tid: string) =>
    ctx.dataSource.query<
      {
        username: string;
        email: string;
        firstName: string;
        lastName: string;
        externalId: string | null;
        updatedAt: Date;
      }[]
    >(
      `SELECT username, email, first_name AS "firstName", last_name AS "lastName", external_id AS "externalId", updated_at AS "updatedAt" FROM users WHERE tenant_id = $1 ORDER BY username`,
      [tid],
    );

  const CEGEP_CSV = [
    'lastName,firstName,email,username,externalId',
    'Tremblay,Jean,Jean.Tremblay@cegepsi.ca,,E001',
    'Lévesque-Côté,Émilie,emilie.levesque@cegepsi.ca,,E002',
    'St-Pierre,Marc,marc.stpierre@cegepsi.ca,,E003',
    "D'Amours,Julie,julie.damours@cegepsi.ca,,E004",
    'Tremblay,Jeanne,jeanne.tremblay@cegepsi.ca,,E005',
    'Gagnon,"Marie, Ève",marie.gagnon@cegepsi.ca,GagnonM,E006',
    'Lê,Anne,anne.le@cegepsi.ca,,',
  ].join('\r\n');

  it('imports UTF-8 with a BOM, comma separated, quoted fields; derives usernames by the tenant rule; prints each line; exit 0', async () => {
    const path = file(
      'cegep.csv',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${CEGEP_CSV}\r\n`)]),
    );
    const result = await cli('users', 'import', '--tenant', 'cegepdeseptiles', path);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('line 2: created trej');
    expect(result.stdout).toContain('line 6: created trej2');
    expect(result.stdout).toMatch(
      /7 created, 0 updated, 0 unchanged, 0 rejected \(utf-8-bom, "," separated/,
    );
    const tid = await tenantId(ctx, 'cegepdeseptiles');
    const rows = await users(tid);
    expect(rows.map((r) => [r.username, r.firstName, r.lastName, r.email, r.externalId])).toEqual([
      ['damj', 'Julie', "D'Amours", 'julie.damours@cegepsi.ca', 'E004'],
      ['gagnonm', 'Marie, Ève', 'Gagnon', 'marie.gagnon@cegepsi.ca', 'E006'],
      ['lean', 'Anne', 'Lê', 'anne.le@cegepsi.ca', null],
      ['leve', 'Émilie', 'Lévesque-Côté', 'emilie.levesque@cegepsi.ca', 'E002'],
      ['stpm', 'Marc', 'St-Pierre', 'marc.stpierre@cegepsi.ca', 'E003'],
      ['trej', 'Jean', 'Tremblay', 'jean.tremblay@cegepsi.ca', 'E001'],
      ['trej2', 'Jeanne', 'Tremblay', 'jeanne.tremblay@cegepsi.ca', 'E005'],
    ]);
    expect((await auditEvents(ctx, tid, 'users.imported')).at(-1)!.after).toMatchObject({
      source: 'cli',
      created: 7,
      rejected: 0,
    });
  });

  it('importing the same file again changes nothing', async () => {
    const tid = await tenantId(ctx, 'cegepdeseptiles');
    const before = await users(tid);
    const result = await cli(
      'users',
      'import',
      '--tenant',
      'cegepdeseptiles',
      file('again.csv', CEGEP_CSV),
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/0 created, 0 updated, 7 unchanged, 0 rejected \(utf-8,/);
    expect(await users(tid)).toEqual(before);
  });

  it('updates by externalId, else by email; keeps an existing username; a rejected line changes nothing', async () => {
    const tid = await tenantId(ctx, 'cegepdeseptiles');
    const csv = [
      'lastName,firstName,email,externalId',
      'Tremblay,Jean-Paul,jp.tremblay@cegepsi.ca,E001', // by externalId: new first name and email, username kept
      'Lê,Anne-Marie,anne.le@cegepsi.ca,E100', // by email (no externalId on the account yet): gets one
      'St-Pierre,Marc,not an email,E003', // rejected: the account stays as it was
    ].join('\n');
    const res = await upload(tid, csv);
    expect(res.status).toBe(200);
    const report = res.json<ImportReport>();
    expect(report.summary).toEqual({ created: 0, updated: 2, unchanged: 0, rejected: 1 });
    expect(report.lines).toEqual([
      { line: 2, status: 'updated', username: 'trej' },
      { line: 3, status: 'updated', username: 'lean' },
      {
        line: 4,
        status: 'rejected',
        code: 'email_invalid',
        reason: '"not an email" is not a valid email address.',
      },
    ]);
    const rows = await users(tid);
    expect(rows.find((r) => r.username === 'trej')).toMatchObject({
      firstName: 'Jean-Paul',
      email: 'jp.tremblay@cegepsi.ca',
      externalId: 'E001',
    });
    expect(rows.find((r) => r.username === 'lean')).toMatchObject({
      firstName: 'Anne-Marie',
      externalId: 'E100',
    });
    expect(rows.find((r) => r.username === 'stpm')).toMatchObject({
      email: 'marc.stpierre@cegepsi.ca',
    });
  });

  it('a changed email address voids pending links, ends the sessions and notifies the previous address (admin API and CLI)', async () => {
    const tid = await tenantId(ctx, 'cegepdeseptiles');
    const signIn = (username: string, password: string) =>
      ctx.request(CEGEP, {
        method: 'POST',
        path: '/api/v1/auth/login',
        body: { username, password, remember: 'all' },
      });
    for (const via of ['admin-api', 'cli'] as const) {
      const user = await createUser(ctx, 'cegepdeseptiles', {
        email: `old.${via}@cegepsi.ca`,
        firstName: 'Élise',
        lastName: `Gagnon${via === 'cli' ? 'c' : 'a'}`,
      });
      const other = await createUser(ctx, 'cegepdeseptiles', { email: `same.${via}@cegepsi.ca` });
      const session = await signIn(user.username, user.password!);
      expect(session.status).toBe(200);
      const otherSession = await signIn(other.username, other.password!);
      expect(
        (
          await ctx.request(CEGEP, {
            method: 'POST',
            path: '/api/v1/password/forgot',
            body: { username: user.username },
          })
        ).status,
      ).toBe(202);
      const [link] = await waitFor(
        () => outboxRows(ctx, { userId: user.id }),
        (r) => r.length > 0,
      );
      const externalId = `X-${via}-${user.id.slice(0, 8)}`;
      await ctx.dataSource.query('UPDATE users SET external_id = $2 WHERE id = $1', [
        user.id,
        externalId,
      ]);
      const csv = [
        'lastName,firstName,email,externalId',
        `Gagnon${via === 'cli' ? 'c' : 'a'},Élise,new.${via}@example.org,${externalId}`, // by externalId: a new address
        `Tremblay,Jean-Marc,same.${via}@cegepsi.ca,`, // by email: a new first name, the same address
      ].join('\n');
      if (via === 'admin-api')
        expect((await upload(tid, csv)).json<ImportReport>().summary).toMatchObject({
          updated: 2,
          rejected: 0,
        });
      else
        expect(
          (await cli('users', 'import', '--tenant', 'cegepdeseptiles', file('moved.csv', csv)))
            .code,
        ).toBe(0);

      // The link sent to the old address no longer works; the sessions ended.
      const reset = await ctx.request(CEGEP, {
        method: 'POST',
        path: '/api/v1/password/reset',
        body: { token: linkToken(link!), password: 'Prise-de-controle-9' },
      });
      expect(reset.status).toBe(400);
      expect(reset.json()).toMatchObject({ error: 'invalid_token' });
      expect(
        (
          await ctx.request(CEGEP, {
            method: 'POST',
            path: '/api/v1/auth/refresh',
            headers: { cookie: cookieHeader(session) },
          })
        ).status,
      ).toBe(401);
      // The notice went to the previous address, in the tenant's language, through the outbox.
      const notices = (await outboxRows(ctx, { userId: user.id })).filter(
        (r) => r.kind === 'email-changed',
      );
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatchObject({
        recipient: `old.${via}@cegepsi.ca`,
        status: 'queued',
        tokenCiphertext: null,
        payload: {
          kind: 'email-changed',
          locale: 'fr',
          recipient: {
            email: `old.${via}@cegepsi.ca`,
            name: `Élise Gagnon${via === 'cli' ? 'c' : 'a'}`,
          },
          data: { username: user.username },
        },
      });
      if (via === 'admin-api')
        expect(
          (
            await waitFor(
              () => outboxRows(ctx, { userId: user.id }),
              (r) => r.some((x) => x.kind === 'email-changed' && x.enqueuedAt !== null),
            )
          ).length,
        ).toBe(2);
      expect(
        (await auditEvents(ctx, tid, 'user.email.changed'))
          .filter((e) => e.targetId === user.id)
          .map((e) => e.after),
      ).toEqual([{ email: `new.${via}@example.org` }]);
      // An account whose address did not change keeps its session and gets nothing.
      expect(
        (await outboxRows(ctx, { userId: other.id })).filter((r) => r.kind === 'email-changed'),
      ).toEqual([]);
      expect(
        (
          await ctx.request(CEGEP, {
            method: 'POST',
            path: '/api/v1/auth/refresh',
            headers: { cookie: cookieHeader(otherSession) },
          })
        ).status,
      ).toBe(200);
    }
  });

  it('reads Windows-1252 separated by semicolons (Excel in French), with French column names', async () => {
    const tid = await tenantId(ctx, 'cegepdeseptiles');
    const csv =
      'Nom;Prénom;Courriel\r\nBérubé;Éloïse;eloise.berube@cegepsi.ca\r\nCôté;François;"francois.cote@cegepsi.ca"\r\nŒuvray;Zoé;zoe.oeuvray@cegepsi.ca\r\n';
    const bytes = iconv.encode(csv, 'windows-1252');
    expect(bytes.includes(0xe9)).toBe(true); // é as one byte: not UTF-8
    const result = await cli(
      'users',
      'import',
      '--tenant',
      'cegepdeseptiles',
      file('excel.csv', bytes),
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/3 created.*\(windows-1252, ";" separated/);
    const rows = await users(tid);
    expect(rows.find((r) => r.username === 'bere')).toMatchObject({
      firstName: 'Éloïse',
      lastName: 'Bérubé',
    });
    expect(rows.find((r) => r.username === 'cotf')).toMatchObject({
      firstName: 'François',
      lastName: 'Côté',
    });
    expect(rows.find((r) => r.username === 'oeuz')).toMatchObject({ lastName: 'Œuvray' });
  });

  it('reads, through the admin API, UTF-8 without BOM separated by semicolons, Windows-1252, and UTF-16 with a BOM', async () => {
    const tid = await tenantId(ctx, 'cegepdeseptiles');
    const send = async (bytes: Buffer) => {
      const res = await rawRequest(ctx.api.port, {
        host: ADMIN_HOST,
        path: `/api/v1/admin/tenants/${tid}/users/import`,
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          authorization: `Bearer ${adminToken}`,
        },
        body: bytes,
      });
      expect(res.status).toBe(200);
      return JSON.parse(res.body) as ImportReport;
    };
    expect(
      await send(Buffer.from('lastName;firstName;email\nÉmond;Hélène;helene.emond@cegepsi.ca\n')),
    ).toMatchObject({ encoding: 'utf-8', delimiter: ';', summary: { created: 1 } });
    expect(
      await send(
        iconv.encode(
          'Nom;Prénom;Courriel\r\nGrégoire;Maëlle;maelle.gregoire@cegepsi.ca\r\n',
          'windows-1252',
        ),
      ),
    ).toMatchObject({
      encoding: 'windows-1252',
      lines: [{ line: 2, status: 'created', username: 'grem' }],
    });
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      iconv.encode('lastName,firstName,email\r\nNguyễn,Văn,van.nguyen@cegepsi.ca\r\n', 'utf-16le'),
    ]);
    expect(await send(utf16)).toMatchObject({
      encoding: 'utf-16le',
      lines: [{ line: 2, status: 'created', username: 'nguv' }],
    });
    const rows = await users(tid);
    expect(rows.find((r) => r.username === 'emoh')).toMatchObject({
      firstName: 'Hélène',
      lastName: 'Émond',
    });
    expect(rows.find((r) => r.username === 'grem')).toMatchObject({
      firstName: 'Maëlle',
      lastName: 'Grégoire',
    });
    expect(rows.find((r) => r.username === 'nguv')).toMatchObject({
      firstName: 'Văn',
      lastName: 'Nguyễn',
    });
  });

  it('reports every rejected line with its reason and exits 1', async () => {
    const csv = [
      'lastName,firstName,email,username,externalId',
      ',Jean,nolast@cegepsi.ca,,R1',
      'Roy,Luc,not-an-email,,R2',
      'Roy,Luc,luc.roy@cegepsi.ca,,R3',
      'Roy,Luc,luc.roy.bis@cegepsi.ca,,R3',
      'Roy,Luc,extra@cegepsi.ca,,R4,surplus',
      'Roy,Lucie,lucie.roy@cegepsi.ca,trej,R6',
      'Roy,Lucien,lucien.roy@cegepsi.ca,Bad Name!,R7',
      'Roy,Luc,luc@cegepsi.ca,,"R8"x',
      '123,Luc,digits@cegepsi.ca,,R9',
      'Roy,Léo,leo.roy@cegepsi.ca,,R10',
    ].join('\n');
    const result = await cli(
      'users',
      'import',
      '--tenant',
      'cegepdeseptiles',
      file('bad.csv', csv),
    );
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    const line = (n: number) => lines.find((l) => l.startsWith(`line ${n}:`));
    expect(line(2)).toMatch(/rejected \(last_name_required\)/);
    expect(line(3)).toMatch(/rejected \(email_invalid\)/);
    expect(line(4)).toBe('line 4: created royl');
    expect(line(5)).toMatch(/rejected \(duplicate_in_file\) Line 4 already has this externalId/);
    expect(line(6)).toMatch(/rejected \(column_count\)/);
    expect(line(7)).toMatch(/rejected \(username_taken\)/);
    expect(line(8)).toMatch(/rejected \(username_invalid_characters\)/);
    expect(line(9)).toMatch(/rejected \(csv_syntax\)/);
    expect(line(10)).toMatch(/rejected \(last_name_unusable\)/);
    expect(line(11)).toBe('line 11: created royl2');
    expect(result.stdout).toMatch(/2 created, 0 updated, 0 unchanged, 8 rejected/);
    const tid = await tenantId(ctx, 'cegepdeseptiles');
    const emails = (await users(tid)).map((r) => r.email);
    expect(emails).not.toContain('nolast@cegepsi.ca');
    expect(emails).not.toContain('luc.roy.bis@cegepsi.ca');
    expect(emails).not.toContain('lucie.roy@cegepsi.ca');
  });

  it('checks imported usernames against a pattern tenant (the unified account is required)', async () => {
    const tid = await tenantId(ctx, 'monteregie');
    const res = await upload(
      tid,
      'lastName,firstName,email,username\nGagnon,Marc,marc.gagnon@ssss.gouv.qc.ca,GAMA1234\nGagnon,Marie,marie.gagnon@ssss.gouv.qc.ca,\nRoy,Luc,luc.roy@ssss.gouv.qc.ca,roy12\n',
    );
    expect(res.status).toBe(200);
    expect(
      res.json<ImportReport>().lines.map((l) => [l.line, l.status, l.code ?? l.username]),
    ).toEqual([
      [2, 'created', 'gama1234'],
      [3, 'rejected', 'username_required'],
      [4, 'rejected', 'username_pattern_mismatch'],
    ]);
  });

  it('refuses a file without the required columns, and an empty file, as a whole', async () => {
    const tid = await tenantId(ctx, 'cegepdeseptiles');
    const res = await upload(tid, 'name,mail\nRoy,luc@x.ca\n');
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({
      error: 'invalid_csv',
      message: expect.stringMatching(/lastName, firstName, email/),
    });
    expect((await upload(tid, '')).status).toBe(400);
    const result = await cli(
      'users',
      'import',
      '--tenant',
      'cegepdeseptiles',
      file('header.csv', 'a;b\n1;2\n'),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/header lacks lastName, firstName, email/);
  });

  it('guards the admin endpoint: admin host, admin token, the tenant of a tenant admin, text/csv', async () => {
    const cegep = await tenantId(ctx, 'cegepdeseptiles');
    const monteregie = await tenantId(ctx, 'monteregie');
    const [tenantAdmin] = await ctx.dataSource.query<{ id: string }[]>(
      `INSERT INTO admin_accounts (email, password_hash, role) VALUES ('it@cegepsi.ca', $1, 'tenant-admin') RETURNING id`,
      [await testHash('tenant-admin-password')],
    );
    await ctx.dataSource.query(
      `INSERT INTO admin_tenant_grants (admin_id, tenant_id) VALUES ($1, $2)`,
      [tenantAdmin!.id, cegep],
    );
    const token = (
      await ctx.request(ADMIN_HOST, {
        method: 'POST',
        path: '/api/v1/admin/auth/login',
        body: { email: 'it@cegepsi.ca', password: 'tenant-admin-password' },
      })
    ).json<{ accessToken: string }>().accessToken;
    const csv = 'lastName,firstName,email\nPaquet,Rose,rose.paquet@cegepsi.ca\n';

    expect((await upload(cegep, csv, {}, token)).status).toBe(200);
    const other = await upload(monteregie, csv, {}, token);
    // Another tenant's data is a 404, exactly as a tenant that does not exist.
    expect(other.status).toBe(404);
    expect(other.json()).toEqual({ error: 'not_found', message: 'No tenant has this id.' });
    expect((await upload(cegep, csv, {}, 'nope')).status).toBe(401);
    expect((await upload(cegep, csv, { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await upload(cegep, csv, { 'content-type': 'application/xml' })).status).toBe(415);
    expect((await upload('not-a-uuid', csv)).status).toBe(400);
    expect((await upload('00000000-0000-4000-8000-000000000000', csv)).status).toBe(404);
    const onPortal = await ctx.request(CEGEP, {
      method: 'POST',
      path: `/api/v1/admin/tenants/${cegep}/users/import`,
      body: csv,
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${adminToken}` },
    });
    expect(onPortal.status).toBe(404);
    expect(
      (await auditEvents(ctx, cegep, 'users.imported')).some(
        (e) => e.after?.source === 'admin-api',
      ),
    ).toBe(true);
  });

  it('an imported account enrols through the emailed link and signs in', async () => {
    const tid = await tenantId(ctx, 'cegepdeseptiles');
    const [account] = await ctx.dataSource.query<{ id: string }[]>(
      `SELECT id FROM users WHERE tenant_id = $1 AND username = 'trej2'`,
      [tid],
    );
    expect(
      (
        await ctx.request(CEGEP, {
          method: 'POST',
          path: '/api/v1/enrollment',
          body: { username: 'trej2' },
        })
      ).status,
    ).toBe(202);
    const [email] = await waitFor(
      () => outboxRows(ctx, { userId: account!.id }),
      (r) => r.length > 0,
    );
    expect(email).toMatchObject({ kind: 'enrolment', recipient: 'jeanne.tremblay@cegepsi.ca' });
    const reset = await ctx.request(CEGEP, {
      method: 'POST',
      path: '/api/v1/password/reset',
      body: { token: linkToken(email!), password: 'Premier-mot-de-passe-7' },
    });
    expect(reset.status).toBe(204);
    expect(
      (
        await ctx.request(CEGEP, {
          method: 'POST',
          path: '/api/v1/auth/login',
          body: { username: 'trej2', password: 'Premier-mot-de-passe-7' },
        })
      ).status,
    ).toBe(200);
  });

  it('CLI usage errors: unknown tenant, missing file', async () => {
    expect(
      (
        await cli(
          'users',
          'import',
          '--tenant',
          'nowhere',
          file('x.csv', 'lastName,firstName,email\n'),
        )
      ).stderr,
    ).toMatch(/No tenant has the slug "nowhere"/);
    const missing = await cli(
      'users',
      'import',
      '--tenant',
      'cegepdeseptiles',
      join(dir, 'absent.csv'),
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/No such file/);
    expect((await cli('users', 'import')).code).toBe(2);
  });
});
