import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';

// A loaded 2-core machine: the processes and CLI runs of this file take their time.
jest.setTimeout(120_000);
import type { HttpResponse } from '@guichet/testing';
import { cookieHeader } from './support/http.js';
import { createUser, tenantId } from './factories/users.js';
import { signIn as adminSignIn } from './support/admin.js';
import { guichetCli } from './support/oidc.js';
import { outboxRows, waitFor } from './support/outbox.js';
import {
  ADMIN_HOST,
  CEGEP,
  createTestContext,
  MONTEREGIE,
  type TestContext,
} from './support/test-app.js';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

interface ScimUser {
  id: string;
  userName: string;
  externalId?: string;
  active: boolean;
  name: { givenName: string; familyName: string };
  emails: { value: string; type: string; primary: boolean }[];
  meta: { location: string; resourceType: string };
}
interface ListResponse {
  schemas: string[];
  totalResults: number;
  startIndex: number;
  itemsPerPage: number;
  Resources: ScimUser[];
}

/** `scim-tokens add --json`: the token, from the last line. */
async function addToken(ctx: TestContext, slug: string, name: string): Promise<string> {
  const run = await guichetCli(ctx, [
    'scim-tokens',
    'add',
    '--tenant',
    slug,
    '--name',
    name,
    '--json',
  ]);
  if (run.code !== 0) throw new Error(`scim-tokens add: ${run.code} ${run.stderr}`);
  const lines = run.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!).token as string;
}

describe('SCIM 2.0 for Microsoft Entra ID', () => {
  let ctx: TestContext;
  let cegepToken: string;
  let monteregieToken: string;
  let ipCounter = 0;
  const nextIp = () => `10.60.${Math.floor(ipCounter / 250)}.${(ipCounter++ % 250) + 1}`;

  beforeAll(async () => {
    ctx = await createTestContext({ TRUSTED_PROXIES: '127.0.0.1' });
    [cegepToken, monteregieToken] = await Promise.all([
      addToken(ctx, 'cegepdeseptiles', 'Entra ID Cégep'),
      addToken(ctx, 'monteregie', 'Entra ID CISSS'),
    ]);
  }, 180_000);
  afterAll(async () => {
    await ctx?.close();
  });

  const scim = (
    host: string,
    token: string | null,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    ctx.request(host, {
      method,
      path: `/scim/v2${path}`,
      body,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/scim+json' } : {}),
        'x-forwarded-for': '10.59.0.1',
        ...headers,
      },
    });
  const cegep = (method: string, path: string, body?: unknown) =>
    scim(CEGEP, cegepToken, method, path, body);
  const monteregie = (method: string, path: string, body?: unknown) =>
    scim(MONTEREGIE, monteregieToken, method, path, body);
  const expectScimError = (res: HttpResponse, status: number, scimType?: string) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/scim\+json/);
    const body = res.json<{
      schemas: string[];
      status: string;
      scimType?: string;
      detail: string;
    }>();
    expect(body.schemas).toEqual([ERROR]);
    expect(body.status).toBe(String(status));
    if (scimType) expect(body.scimType).toBe(scimType);
    expect(body.detail.length).toBeGreaterThan(5);
    return body;
  };

  it('discovery: ServiceProviderConfig (PATCH and filter, no bulk, sort, ETag), ResourceTypes and Schemas list Users only; /Groups is a 404', async () => {
    const config = await cegep('GET', '/ServiceProviderConfig');
    expect(config.status).toBe(200);
    expect(config.headers['content-type']).toMatch(/^application\/scim\+json/);
    expect(config.json()).toMatchObject({
      patch: { supported: true },
      bulk: { supported: false },
      filter: { supported: true },
      sort: { supported: false },
      etag: { supported: false },
      changePassword: { supported: false },
      authenticationSchemes: [{ type: 'oauthbearertoken' }],
    });
    const types = (await cegep('GET', '/ResourceTypes')).json<{
      Resources: { id: string; endpoint: string }[];
    }>();
    expect(types.Resources.map((t) => [t.id, t.endpoint])).toEqual([['User', '/Users']]);
    const schemas = (await cegep('GET', '/Schemas')).json<{ Resources: { id: string }[] }>();
    expect(schemas.Resources.map((s) => s.id)).toEqual([USER]);
    expect((await cegep('GET', `/Schemas/${USER}`)).status).toBe(200);
    expectScimError(await cegep('GET', '/Groups'), 404);
    expectScimError(await cegep('GET', '/ResourceTypes/Group'), 404);
  });

  it("replays Entra ID's documented requests: create, get by query (one and zero results), multi- and single-valued updates, disable, delete", async () => {
    // "Create User" (userName and address adapted to the Montérégie's « compte unifié » rule).
    const create = await monteregie('POST', '/Users', {
      schemas: [USER, 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
      externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
      userName: 'GAMA1234',
      active: true,
      emails: [{ primary: true, type: 'work', value: 'Marie.Gagnon@santemonteregie.test' }],
      meta: { resourceType: 'User' },
      name: { formatted: 'Marie Gagnon', familyName: 'Gagnon', givenName: 'Marie' },
      roles: [],
    });
    expect(create.status).toBe(201);
    expect(create.headers['content-type']).toMatch(/^application\/scim\+json/);
    const created = create.json<ScimUser>();
    expect(create.headers.location).toBe(`http://${MONTEREGIE}/scim/v2/Users/${created.id}`);
    expect(created).toMatchObject({
      schemas: [USER],
      userName: 'gama1234',
      externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
      active: true,
      name: { givenName: 'Marie', familyName: 'Gagnon' },
      emails: [{ value: 'marie.gagnon@santemonteregie.test', type: 'work', primary: true }],
      meta: { resourceType: 'User', location: create.headers.location },
    });

    // "Get User by query" and "Get User by query - Zero results".
    const found = await monteregie(
      'GET',
      `/Users?filter=${encodeURIComponent('userName eq "gama1234"')}`,
    );
    expect(found.status).toBe(200);
    expect(found.json<ListResponse>()).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: 1,
      startIndex: 1,
      itemsPerPage: 1,
      Resources: [{ id: created.id }],
    });
    const none = await monteregie(
      'GET',
      `/Users?filter=${encodeURIComponent('userName eq "non-existent user"')}`,
    );
    expect(none.json<ListResponse>()).toMatchObject({ totalResults: 0, Resources: [] });

    // "Update User [Multi-valued properties]".
    const multi = await monteregie('PATCH', `/Users/${created.id}`, {
      schemas: [PATCH_OP],
      Operations: [
        {
          op: 'Replace',
          path: 'emails[type eq "work"].value',
          value: 'updatedEmail@santemonteregie.test',
        },
        { op: 'Replace', path: 'name.familyName', value: 'updatedFamilyName' },
      ],
    });
    expect(multi.status).toBe(200);
    expect(multi.json<ScimUser>()).toMatchObject({
      emails: [{ value: 'updatedemail@santemonteregie.test' }],
      name: { givenName: 'Marie', familyName: 'updatedFamilyName' },
    });

    // "Update User [Single-valued properties]".
    const single = await monteregie('PATCH', `/Users/${created.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'Replace', path: 'userName', value: 'gama5678' }],
    });
    expect(single.json<ScimUser>().userName).toBe('gama5678');

    // "Update User [Add Manager]" (an enterprise attribute Guichet does not keep): accepted, nothing changes.
    const manager = await monteregie('PATCH', `/Users/${created.id}`, {
      schemas: [PATCH_OP],
      Operations: [
        {
          op: 'Add',
          path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager',
          value: [{ $ref: null, value: 'Test_User_b2c5a4a7' }],
        },
      ],
    });
    expect(manager.status).toBe(200);

    // "Disable User".
    const disable = await monteregie('PATCH', `/Users/${created.id}`, {
      Operations: [{ op: 'Replace', path: 'active', value: false }],
      schemas: [PATCH_OP],
    });
    expect(disable.json<ScimUser>().active).toBe(false);

    // The non-compliant shape: a path-less Replace of an object, booleans as strings.
    const enable = await monteregie('PATCH', `/Users/${created.id}`, {
      schemas: [PATCH_OP],
      Operations: [
        {
          op: 'Replace',
          value: { active: 'True', 'name.givenName': 'Marie-Ève', externalId: 'E-77' },
        },
      ],
    });
    expect(enable.json<ScimUser>()).toMatchObject({
      active: true,
      externalId: 'E-77',
      name: { givenName: 'Marie-Ève' },
    });
    const byExternalId = await monteregie(
      'GET',
      `/Users?filter=${encodeURIComponent('externalId eq "E-77"')}`,
    );
    expect(byExternalId.json<ListResponse>().Resources.map((u) => u.id)).toEqual([created.id]);
    const byEmail = await monteregie(
      'GET',
      `/Users?filter=${encodeURIComponent('emails.value eq "UPDATEDEMAIL@santemonteregie.test"')}`,
    );
    expect(byEmail.json<ListResponse>().Resources.map((u) => u.id)).toEqual([created.id]);

    // "Delete User": 204; the account stays, disabled (a rehire found by userName is enabled by a PATCH).
    const del = await monteregie('DELETE', `/Users/${created.id}`);
    expect(del.status).toBe(204);
    const after = await monteregie('GET', `/Users/${created.id}`);
    expect(after.status).toBe(200);
    expect(after.json<ScimUser>().active).toBe(false);

    // Every change is audited with the token's name as the actor.
    const audit = await ctx.dataSource.query<
      { action: string; actorType: string; actorId: string }[]
    >(
      `SELECT action, actor_type AS "actorType", actor_id AS "actorId" FROM audit_events WHERE target_id = $1 ORDER BY id`,
      [created.id],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'user.created',
      'user.updated',
      'user.updated',
      'user.disabled',
      'user.updated',
      'user.enabled',
      'user.disabled',
    ]);
    expect(new Set(audit.map((a) => `${a.actorType}:${a.actorId}`))).toEqual(
      new Set(['scim:Entra ID CISSS']),
    );
  });

  it('pages with startIndex (1-based) and count; refuses filters other than userName/externalId/emails.value eq with invalidFilter', async () => {
    for (let i = 0; i < 5; i += 1)
      expect(
        (
          await cegep('POST', '/Users', {
            schemas: [USER],
            userName: `page${i}x`,
            emails: [{ value: `page${i}@cegepsi.test`, type: 'work' }],
            name: { givenName: 'Page', familyName: `N${i}` },
          })
        ).status,
      ).toBe(201);
    const all = (await cegep('GET', '/Users?count=200')).json<ListResponse>();
    const second = (await cegep('GET', '/Users?startIndex=2&count=2')).json<ListResponse>();
    expect(second.startIndex).toBe(2);
    expect(second.itemsPerPage).toBe(2);
    expect(second.totalResults).toBe(all.totalResults);
    expect(second.Resources.map((u) => u.id)).toEqual(all.Resources.slice(1, 3).map((u) => u.id));
    const countOnly = (await cegep('GET', '/Users?count=0')).json<ListResponse>();
    expect(countOnly).toMatchObject({ totalResults: all.totalResults, Resources: [] });
    for (const filter of [
      'userName sw "page"',
      'userName eq "page1x" and active eq true',
      'active eq true',
      'userName eq page1x',
      'userName',
      '(userName eq "a")',
    ])
      expectScimError(
        await cegep('GET', `/Users?filter=${encodeURIComponent(filter)}`),
        400,
        'invalidFilter',
      );
    expectScimError(await cegep('GET', '/Users?startIndex=abc'), 400, 'invalidValue');
  });

  it('409 uniqueness for a taken userName or externalId (create and update); 400 invalidValue for a username outside the tenant rule', async () => {
    const body = (userName: string, externalId: string) => ({
      schemas: [USER],
      userName,
      externalId,
      emails: [{ value: `${userName}@santemonteregie.test`, primary: 'True' }],
    });
    expect((await monteregie('POST', '/Users', body('abcd1111', 'X-1'))).status).toBe(201);
    expectScimError(await monteregie('POST', '/Users', body('ABCD1111', 'X-2')), 409, 'uniqueness');
    expectScimError(await monteregie('POST', '/Users', body('abcd2222', 'X-1')), 409, 'uniqueness');
    const other = (await monteregie('POST', '/Users', body('abcd3333', 'X-3'))).json<ScimUser>();
    expectScimError(
      await monteregie('PATCH', `/Users/${other.id}`, {
        schemas: [PATCH_OP],
        Operations: [{ op: 'replace', path: 'userName', value: 'abcd1111' }],
      }),
      409,
      'uniqueness',
    );
    // Entra's own sample userName is not a « compte unifié »: a clear 400, nothing written.
    const invalid = expectScimError(
      await monteregie(
        'POST',
        '/Users',
        body('Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1', 'X-4'),
      ),
      400,
      'invalidValue',
    );
    expect(invalid.detail).toContain('userName');
    const [{ n }] = (await ctx.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM users WHERE external_id = 'X-4'`,
    )) as [{ n: number }];
    expect(n).toBe(0);
    expectScimError(await monteregie('GET', '/Users/00000000-0000-4000-8000-000000000000'), 404);
    expectScimError(await monteregie('GET', '/Users/not-a-uuid'), 404);
  });

  it("a token works on its tenant's host only: a Cégep token at the Montérégie is a 401 with no data; no token, a wrong one, a revoked one: 401", async () => {
    const gama = await createUser(ctx, 'monteregie', { username: 'gama9999' });
    const cross = await scim(MONTEREGIE, cegepToken, 'GET', '/Users');
    expectScimError(cross, 401);
    expect(cross.body).not.toContain('gama9999');
    expectScimError(await scim(MONTEREGIE, cegepToken, 'GET', `/Users/${gama.id}`), 401);
    expectScimError(
      await scim(MONTEREGIE, cegepToken, 'PATCH', `/Users/${gama.id}`, {
        schemas: [PATCH_OP],
        Operations: [{ op: 'replace', path: 'active', value: false }],
      }),
      401,
    );
    expect(
      (await ctx.dataSource.query(`SELECT status FROM users WHERE id = $1`, [gama.id]))[0].status,
    ).toBe('active');
    expectScimError(await scim(CEGEP, null, 'GET', '/Users'), 401);
    expectScimError(await scim(CEGEP, `gscim_${'A'.repeat(43)}`, 'GET', '/Users'), 401);
    expectScimError(
      await scim(CEGEP, 'x', 'GET', '/Users', undefined, { authorization: `Basic ${cegepToken}` }),
      401,
    );
    // The admin host has no SCIM endpoint (its app's page at most, never SCIM data).
    const onAdmin = await scim(ADMIN_HOST, cegepToken, 'GET', '/Users');
    expect(onAdmin.body).not.toContain('urn:ietf:params:scim');
    expect(onAdmin.body).not.toContain('gama9999');

    // Revoked in the admin API: refused from the next request on.
    const admin = await adminSignIn(ctx);
    const cegepId = await tenantId(ctx, 'cegepdeseptiles');
    const created = await admin.request('POST', `/tenants/${cegepId}/scim-tokens`, {
      name: 'Temporaire',
    });
    expect(created.status).toBe(201);
    const { token, id, scimUrl } = created.json<{ token: string; id: string; scimUrl: string }>();
    expect(scimUrl).toBe(`http://${CEGEP}/scim/v2`);
    expect((await scim(CEGEP, token, 'GET', '/Users')).status).toBe(200);
    const listed = (await admin.get(`/tenants/${cegepId}/scim-tokens`)).json<{
      tokens: { id: string; lastUsedAt: string | null }[];
    }>();
    expect(listed.tokens.find((t) => t.id === id)!.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(token);
    expect(
      (await admin.request('POST', `/tenants/${cegepId}/scim-tokens/${id}/revoke`)).status,
    ).toBe(200);
    expectScimError(await scim(CEGEP, token, 'GET', '/Users'), 401);
    expect(
      (await admin.request('POST', `/tenants/${cegepId}/scim-tokens/${id}/revoke`)).status,
    ).toBe(404);
    const audit = await ctx.dataSource.query<{ action: string }[]>(
      `SELECT action FROM audit_events WHERE target_id = $1 ORDER BY id`,
      [id],
    );
    expect(audit.map((a) => a.action)).toEqual(['scim-token.created', 'scim-token.revoked']);
    const [{ hash }] = (await ctx.dataSource.query<{ hash: string }[]>(
      `SELECT encode(token_hash, 'hex') AS hash FROM scim_tokens WHERE id = $1`,
      [id],
    )) as [{ hash: string }];
    expect(hash).toHaveLength(64);
    expect(hash).not.toContain(token);
  });

  it('failed bearer attempts are limited per tenant and address: 429 after 20, even with a good token, while other addresses go on', async () => {
    const ip = nextIp();
    for (let i = 0; i < 20; i += 1)
      expectScimError(
        await scim(CEGEP, `gscim_${'B'.repeat(43)}`, 'GET', '/Users', undefined, {
          'x-forwarded-for': ip,
        }),
        401,
      );
    const blocked = await scim(CEGEP, cegepToken, 'GET', '/Users', undefined, {
      'x-forwarded-for': ip,
    });
    expectScimError(blocked, 429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(
      (await scim(CEGEP, cegepToken, 'GET', '/Users', undefined, { 'x-forwarded-for': nextIp() }))
        .status,
    ).toBe(200);
    // The Montérégie's provisioning from the same address is not blocked by the Cégep's failures.
    expect(
      (
        await scim(MONTEREGIE, monteregieToken, 'GET', '/Users', undefined, {
          'x-forwarded-for': ip,
        })
      ).status,
    ).toBe(200);
  });

  it('a leaver (DELETE, or PATCH active false) cannot sign in, loses access and refresh tokens, and gets no email — the replies stay those of anyone', async () => {
    for (const how of ['delete', 'patch'] as const) {
      const user = await createUser(ctx, 'cegepdeseptiles');
      const login = await ctx.request(CEGEP, {
        method: 'POST',
        path: '/api/v1/auth/login',
        body: { username: user.username, password: user.password, remember: 'all' },
        headers: { 'x-forwarded-for': nextIp() },
      });
      expect(login.status).toBe(200);
      const { accessToken } = login.json<{ accessToken: string }>();
      const me = () =>
        ctx.request(CEGEP, {
          path: '/api/v1/me',
          headers: { authorization: `Bearer ${accessToken}` },
        });
      const refresh = () =>
        ctx.request(CEGEP, {
          method: 'POST',
          path: '/api/v1/auth/refresh',
          headers: { cookie: cookieHeader(login) },
        });
      expect((await me()).status).toBe(200);

      const res =
        how === 'delete'
          ? await cegep('DELETE', `/Users/${user.id}`)
          : await cegep('PATCH', `/Users/${user.id}`, {
              schemas: [PATCH_OP],
              Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
            });
      expect(res.status).toBe(how === 'delete' ? 204 : 200);
      expect((await me()).status).toBe(401);
      expect((await refresh()).status).toBe(401);
      const again = await ctx.request(CEGEP, {
        method: 'POST',
        path: '/api/v1/auth/login',
        body: { username: user.username, password: user.password, remember: 'none' },
        headers: { 'x-forwarded-for': nextIp() },
      });
      const wrong = await ctx.request(CEGEP, {
        method: 'POST',
        path: '/api/v1/auth/login',
        body: { username: 'nobody-here', password: user.password, remember: 'none' },
        headers: { 'x-forwarded-for': nextIp() },
      });
      expect(again.status).toBe(401);
      expect(again.body).toBe(wrong.body);

      const forgot = await ctx.request(CEGEP, {
        method: 'POST',
        path: '/api/v1/password/forgot',
        body: { username: user.username },
        headers: { 'x-forwarded-for': nextIp() },
      });
      const unknown = await ctx.request(CEGEP, {
        method: 'POST',
        path: '/api/v1/password/forgot',
        body: { username: 'nobody-here' },
        headers: { 'x-forwarded-for': nextIp() },
      });
      expect(forgot.status).toBe(202);
      expect(forgot.body).toBe(unknown.body);
      // Worked once every handed-off request row is gone: then nothing was written for the leaver.
      await waitFor(
        () => ctx.dataSource.query<unknown[]>('SELECT 1 FROM account_requests'),
        (rows) => rows.length === 0,
      );
      expect(await ctx.dataSource.query('SELECT 1 FROM account_requests')).toEqual([]);
      expect(await outboxRows(ctx, { userId: user.id })).toEqual([]);
      const sessions = await ctx.dataSource.query<{ revoked: boolean }[]>(
        'SELECT revoked_at IS NOT NULL AS revoked FROM refresh_sessions WHERE user_id = $1',
        [user.id],
      );
      expect(sessions.length).toBeGreaterThan(0);
      expect(sessions.every((s) => s.revoked)).toBe(true);
    }
  });

  it('malformed bodies and requests: a 4xx in the SCIM error schema, never a 5xx, nothing written', async () => {
    const target = (
      await cegep('POST', '/Users', {
        schemas: [USER],
        userName: 'malf',
        emails: [{ value: 'malf@cegepsi.test' }],
      })
    ).json<ScimUser>();
    const before = await ctx.dataSource.query(
      `SELECT username, first_name, last_name, email, external_id, status, updated_at FROM users WHERE id = $1`,
      [target.id],
    );
    const [{ n: countBefore }] = (await ctx.dataSource.query<{ n: number }[]>(
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
    const plain = await scim(CEGEP, cegepToken, 'POST', '/Users', 'userName=x', {
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
      await ctx.dataSource.query(
        `SELECT username, first_name, last_name, email, external_id, status, updated_at FROM users WHERE id = $1`,
        [target.id],
      ),
    ).toEqual(before);
    const [{ n: countAfter }] = (await ctx.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM users',
    )) as [{ n: number }];
    expect(countAfter).toBe(countBefore);
  });

  it('scim-tokens CLI: add prints the token once (--json: last line {"token":…}), list shows it without the token, revoke refuses it', async () => {
    const add = await guichetCli(ctx, [
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
    const list = await guichetCli(ctx, ['scim-tokens', 'list', '--tenant', 'monteregie', '--json']);
    expect(list.code).toBe(0);
    const listed = JSON.parse(list.stdout.trim()) as {
      tokens: { id: string; name: string; lastUsedAt: string | null }[];
    };
    const mine = listed.tokens.find((t) => t.name === 'CLI test')!;
    expect(mine.lastUsedAt).not.toBeNull();
    expect(list.stdout).not.toContain(token);
    const revoke = await guichetCli(ctx, [
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
        await guichetCli(ctx, [
          'scim-tokens',
          'revoke',
          '--tenant',
          'cegepdeseptiles',
          '--id',
          mine.id,
        ])
      ).code,
    ).toBe(2);
    expect((await guichetCli(ctx, ['scim-tokens', 'add', '--tenant', 'monteregie'])).code).toBe(2);
    expect(
      (await guichetCli(ctx, ['scim-tokens', 'add', '--tenant', 'nowhere', '--name', 'x'])).code,
    ).toBe(2);
  });
});
