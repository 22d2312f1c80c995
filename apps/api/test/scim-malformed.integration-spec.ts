import { describe, expect, it, jest } from '@jest/globals';
import { expectScimError, PATCH_OP, scimFixture, type ScimUser, USER } from './support/scim.js';
import { guichetCli } from './support/oidc.js';
import { CEGEP, MONTEREGIE } from './support/test-app.js';

// A loaded 2-core machine: the processes and CLI runs of this file take their time.
jest.setTimeout(120_000);

describe('SCIM 2.0: malformed requests, and the scim-tokens CLI', () => {
  const f = scimFixture('10.62');
  const { scim, cegep } = f;

  it('malformed bodies and requests: a 4xx in the SCIM error schema, never a 5xx, nothing written', async () => {
    const target = (
      await cegep('POST', '/Users', {
        schemas: [USER],
        userName: 'malf',
        emails: [{ value: 'malf@cegepsi.test' }],
      })
    ).json<ScimUser>();
    const before = await f.ctx.dataSource.query(
      `SELECT username, first_name, last_name, email, external_id, status, updated_at FROM users WHERE id = $1`,
      [target.id],
    );
    const [{ n: countBefore }] = (await f.ctx.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM users',
    )) as [{ n: number }];
    const deep = JSON.stringify(Array.from({ length: 2000 }).reduce<unknown>((v) => ({ a: v }), 1));
    const users: unknown[] = [
      '{"schemas": [',
      'not json',
      '',
      '[]',
      'null',
      '"a string"',
      '42',
      {},
      { schemas: [USER] },
      { schemas: 'x', userName: 'abc' },
      { schemas: ['urn:other'], userName: 'abc', emails: [{ value: 'a@b.test' }] },
      { schemas: [USER], userName: 42, emails: [{ value: 'a@b.test' }] },
      { schemas: [USER], userName: 'ok1', emails: 'a@b.test' },
      { schemas: [USER], userName: 'ok1', emails: [{ value: 5 }] },
      { schemas: [USER], userName: 'ok1', emails: [{ value: 'not-an-address' }] },
      { schemas: [USER], userName: 'ok1', emails: [] },
      { schemas: [USER], userName: 'ok1', emails: [null] },
      { schemas: [USER], userName: 'ok1', emails: [{ value: 'a@b.test', primary: 'maybe' }] },
      { schemas: [USER], userName: 'ok1', emails: [{ value: 'a@b.test' }], name: 'Jean' },
      { schemas: [USER], userName: 'ok1', emails: [{ value: 'a@b.test' }], active: 'sometimes' },
      { schemas: [USER], userName: 'ok1', emails: [{ value: 'a@b.test' }], externalId: 12 },
      { schemas: [USER], userName: 'x'.repeat(5000), emails: [{ value: 'a@b.test' }] },
      { schemas: [USER], userName: '', emails: [{ value: 'a@b.test' }] },
      { schemas: [USER], userName: '\u0000', emails: [{ value: 'a@b.test' }] },
      deep,
    ];
    for (const body of users) {
      const res = await cegep('POST', '/Users', body);
      expect({ body, status: res.status }).toEqual({ body, status: expect.any(Number) });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expectScimError(res, res.status);
      const put = await cegep('PUT', `/Users/${target.id}`, body);
      expect(put.status).toBeGreaterThanOrEqual(400);
      expect(put.status).toBeLessThan(500);
    }
    const patches: unknown[] = [
      'not json',
      '[]',
      {},
      { schemas: [PATCH_OP] },
      { schemas: [PATCH_OP], Operations: [] },
      { schemas: [PATCH_OP], Operations: 'replace' },
      { schemas: [PATCH_OP], Operations: [null] },
      { schemas: [USER], Operations: [{ op: 'replace', path: 'active', value: false }] },
      { schemas: [PATCH_OP], Operations: [{ op: 'move', path: 'active', value: false }] },
      { schemas: [PATCH_OP], Operations: [{ op: 5, path: 'active', value: false }] },
      { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 5, value: false }] },
      {
        schemas: [PATCH_OP],
        Operations: [{ op: 'replace', path: 'emails[type eq', value: 'a@b.test' }],
      },
      {
        schemas: [PATCH_OP],
        Operations: [{ op: 'replace', path: 'emails[value co "x"].value', value: 'a@b.test' }],
      },
      { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'nosuchattribute', value: 1 }] },
      { schemas: [PATCH_OP], Operations: [{ op: 'remove' }] },
      { schemas: [PATCH_OP], Operations: [{ op: 'remove', path: 'emails' }] },
      { schemas: [PATCH_OP], Operations: [{ op: 'remove', path: 'userName' }] },
      { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'userName' }] },
      { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: 'active' }] },
      { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: [{ active: false }] }] },
      { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'active', value: 'nope' }] },
      { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'userName', value: { a: 1 } }] },
      { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'name', value: 'Jean' }] },
      {
        schemas: [PATCH_OP],
        Operations: [{ op: 'replace', path: 'name.givenName', value: 'x'.repeat(300) }],
      },
      {
        schemas: [PATCH_OP],
        Operations: [{ op: 'replace', path: 'emails', value: [{ value: 7 }] }],
      },
      // A valid change first, then a bad one: all or nothing.
      {
        schemas: [PATCH_OP],
        Operations: [
          { op: 'replace', path: 'name.givenName', value: 'Changed' },
          { op: 'replace', path: 'active', value: 'nope' },
        ],
      },
      {
        schemas: [PATCH_OP],
        Operations: Array.from({ length: 101 }, () => ({
          op: 'replace',
          path: 'active',
          value: true,
        })),
      },
      deep,
    ];
    for (const body of patches) {
      const res = await cegep('PATCH', `/Users/${target.id}`, body);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expectScimError(res, res.status);
    }
    // Another content type, a body too large, an unknown user id, a method the endpoint does not have.
    const plain = await scim(CEGEP, f.cegepToken, 'POST', '/Users', 'userName=x', {
      'content-type': 'text/plain',
    });
    expect([400, 415]).toContain(plain.status);
    expectScimError(plain, plain.status);
    const large = await cegep('POST', '/Users', {
      schemas: [USER],
      userName: 'big',
      emails: [{ value: 'big@cegepsi.test' }],
      padding: 'x'.repeat(100_000),
    });
    expectScimError(large, 413);
    expectScimError(
      await cegep('PATCH', '/Users/not-an-id', {
        schemas: [PATCH_OP],
        Operations: [{ op: 'replace', path: 'active', value: false }],
      }),
      404,
    );
    expectScimError(await cegep('DELETE', '/Users/00000000-0000-4000-8000-000000000000'), 404);
    expect(
      await f.ctx.dataSource.query(
        `SELECT username, first_name, last_name, email, external_id, status, updated_at FROM users WHERE id = $1`,
        [target.id],
      ),
    ).toEqual(before);
    const [{ n: countAfter }] = (await f.ctx.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM users',
    )) as [{ n: number }];
    expect(countAfter).toBe(countBefore);
  });

  it('scim-tokens CLI: add prints the token once (--json: last line {"token":…}), list shows it without the token, revoke refuses it', async () => {
    const add = await guichetCli(f.ctx, [
      'scim-tokens',
      'add',
      '--tenant',
      'monteregie',
      '--name',
      'CLI test',
      '--json',
    ]);
    expect(add.code).toBe(0);
    const lines = add.stdout.trim().split('\n');
    const { token } = JSON.parse(lines[lines.length - 1]!) as { token: string };
    expect(token).toMatch(/^gscim_[A-Za-z0-9_-]{43}$/);
    expect(add.stdout).toContain(`Tenant URL: http://${MONTEREGIE}/scim/v2`);
    expect((await scim(MONTEREGIE, token, 'GET', '/ServiceProviderConfig')).status).toBe(200);
    const list = await guichetCli(f.ctx, [
      'scim-tokens',
      'list',
      '--tenant',
      'monteregie',
      '--json',
    ]);
    expect(list.code).toBe(0);
    const listed = JSON.parse(list.stdout.trim()) as {
      tokens: { id: string; name: string; lastUsedAt: string | null }[];
    };
    const mine = listed.tokens.find((t) => t.name === 'CLI test')!;
    expect(mine.lastUsedAt).not.toBeNull();
    expect(list.stdout).not.toContain(token);
    const revoke = await guichetCli(f.ctx, [
      'scim-tokens',
      'revoke',
      '--tenant',
      'monteregie',
      '--id',
      mine.id,
    ]);
    expect(revoke.code).toBe(0);
    expectScimError(await scim(MONTEREGIE, token, 'GET', '/Users'), 401);
    // Another tenant's id is not found there; usage errors exit 2.
    expect(
      (
        await guichetCli(f.ctx, [
          'scim-tokens',
          'revoke',
          '--tenant',
          'cegepdeseptiles',
          '--id',
          mine.id,
        ])
      ).code,
    ).toBe(2);
    expect((await guichetCli(f.ctx, ['scim-tokens', 'add', '--tenant', 'monteregie'])).code).toBe(
      2,
    );
    expect(
      (await guichetCli(f.ctx, ['scim-tokens', 'add', '--tenant', 'nowhere', '--name', 'x'])).code,
    ).toBe(2);
  });
});
