import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { httpRequest, type HttpResponse } from '@guichet/testing';
import type { ImportReport, UsernameRuleTestResponse } from '@guichet/types';
import { type AdminClient, startAdminSuite } from './support/admin.js';
import type { TestContext } from './support/test-app.js';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

/** Takes 2^n steps per n-character username on a backtracking engine: 49 characters blocked the API for good. */
const CATASTROPHIC = '(a+)+';
/** Just under and at the 64-character limit, failing at the last character (the worst case). */
const HOSTILE_USERNAMES = [`${'a'.repeat(48)}!`, `${'a'.repeat(63)}!`];

describe('tenant username patterns: linear-time matching, refused constructs', () => {
  let ctx: TestContext;
  let monteregie: string;
  let admin: AdminClient;
  let dir: string;

  beforeAll(async () => {
    const suite = await startAdminSuite();
    ({ ctx, monteregie } = suite);
    admin = suite.platform;
    dir = mkdtempSync(join(tmpdir(), 'guichet-pattern-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    // A blocked event loop never runs the SIGTERM handler: do not wait on it.
    const live = await httpRequest(ctx.api.port, { path: '/health/live', timeoutMs: 1000 }).catch(
      () => null,
    );
    if (live?.status !== 200) await ctx.api.stop('SIGKILL');
    await ctx.close();
  });

  /** Runs `work` while polling /health/live; every poll must answer 200 within a second. */
  const whileLive = async <T>(work: () => Promise<T>): Promise<{ result: T; polls: number }> => {
    let settled = false;
    let polls = 0;
    const poll = async () => {
      do {
        const res = await httpRequest(ctx.api.port, { path: '/health/live', timeoutMs: 1000 });
        expect(res.status).toBe(200);
        polls += 1;
      } while (!settled);
    };
    const polling = poll();
    try {
      return { result: await work(), polls };
    } finally {
      settled = true;
      await polling;
    }
  };
  const saveRule = (pattern: string) =>
    admin.request('PATCH', `/tenants/${monteregie}/settings`, {
      usernameRule: { kind: 'pattern', pattern, example: 'aaaa' },
    });

  it('tests a catastrophic pattern against long usernames promptly, the API answering health checks meanwhile', async () => {
    const started = Date.now();
    const { result: res, polls } = await whileLive(() =>
      admin.request('POST', `/tenants/${monteregie}/username-rule/test`, {
        rule: { kind: 'pattern', pattern: CATASTROPHIC, example: 'aaaa' },
        names: [...HOSTILE_USERNAMES, 'a'.repeat(64)].map((username) => ({
          lastName: 'Gagnon',
          firstName: 'Marie',
          username,
        })),
      }),
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect(polls).toBeGreaterThan(0);
    expect(res.status).toBe(200);
    expect(
      res.json<UsernameRuleTestResponse>().usernames.map((r) => r.username ?? r.error!.code),
    ).toEqual(['username_pattern_mismatch', 'username_pattern_mismatch', 'a'.repeat(64)]);
  });

  it('imports a CSV against a saved catastrophic pattern promptly (admin API and CLI), the API answering health checks meanwhile', async () => {
    expect((await saveRule(CATASTROPHIC)).status).toBe(200);
    const csv = (valid: string) =>
      [
        'lastName,firstName,email,username',
        ...HOSTILE_USERNAMES.map((u, i) => `Gagnon,Marie,marie${i}@example.ca,${u}`),
        `Gagnon,Marc,${valid}@example.ca,${valid}`,
      ].join('\n');
    const started = Date.now();
    const { result: res } = await whileLive<HttpResponse>(() =>
      admin.request('POST', `/tenants/${monteregie}/users/import`, csv('aaaa'), {
        'content-type': 'text/csv',
      }),
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect(res.status).toBe(200);
    const report = res.json<ImportReport>();
    expect(report.lines.map((l) => l.status)).toEqual(['rejected', 'rejected', 'created']);

    const file = join(dir, 'hostile.csv');
    writeFileSync(file, csv('aaaaa'));
    const cli = await new Promise<{ code: number; stdout: string }>((resolve) => {
      execFile(
        process.execPath,
        [CLI, 'users', 'import', '--tenant', 'monteregie', file],
        {
          timeout: 10_000,
          env: { PATH: process.env.PATH ?? '', DATABASE_URL: ctx.db.url, LOG_LEVEL: 'warn' },
        },
        (error, stdout) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout }),
      );
    });
    expect(cli.stdout).toMatch(
      /line 2: rejected \(username_pattern_mismatch\)[^]*line 3: rejected \(username_pattern_mismatch\)[^]*1 created, 0 updated, 0 unchanged, 2 rejected/,
    );
  });

  it.each([
    ['(a)\\1', /backreferences/],
    ['(?<x>a)\\k<x>', /backreferences/],
    ['(?=a)a+', /lookahead or lookbehind/],
    ['(?<!b)a+', /lookahead or lookbehind/],
  ])(
    'refuses the pattern %j, which needs a backtracking engine, with a 400 saying why (save and test)',
    async (pattern, why) => {
      const saved = await saveRule(pattern);
      expect(saved.status).toBe(400);
      expect(
        saved.json<{ fields: Record<string, string[]> }>().fields['usernameRule.pattern'],
      ).toEqual([expect.stringMatching(why)]);
      const tested = await admin.request('POST', `/tenants/${monteregie}/username-rule/test`, {
        rule: { kind: 'pattern', pattern, example: 'aaaa' },
        names: [{ lastName: 'Gagnon', firstName: 'Marie', username: 'aaaa' }],
      });
      expect(tested.status).toBe(400);
      expect(tested.json<{ fields: Record<string, string[]> }>().fields['rule.pattern']).toEqual([
        expect.stringMatching(why),
      ]);
    },
  );
});
