import { describe, expect, it, jest } from '@jest/globals';
import {
  expectScimError,
  type ListResponse,
  PATCH_OP,
  scimFixture,
  type ScimUser,
  USER,
} from './support/scim.js';
import { MONTEREGIE } from './support/test-app.js';

// A loaded 2-core machine: the processes and CLI runs of this file take their time.
jest.setTimeout(120_000);

describe('SCIM 2.0 for Microsoft Entra ID: Entra’s requests, filters, paging, uniqueness', () => {
  const f = scimFixture('10.60');
  const { cegep, monteregie } = f;

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
    const audit = await f.ctx.dataSource.query<
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
    const [{ n }] = (await f.ctx.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM users WHERE external_id = 'X-4'`,
    )) as [{ n: number }];
    expect(n).toBe(0);
    expectScimError(await monteregie('GET', '/Users/00000000-0000-4000-8000-000000000000'), 404);
    expectScimError(await monteregie('GET', '/Users/not-a-uuid'), 404);
  });
});
