import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createUser, tenantId } from './factories/users.js';
import { setTenantSettings } from './factories/tenants.js';
import { auditEvents, waitFor } from './support/outbox.js';
import { CEGEP, createTestContext, MONTEREGIE, type TestContext } from './support/test-app.js';

const REFUSED = {
  error: 'network_not_allowed',
  message:
    "The username lookup tool can only be used from a workstation on the institution's network.",
};

describe('username lookup ("outil de recherche du compte unifié")', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    // A trusted proxy (the test) says who the client is; Montérégie allows 10/8, 172.16/12, 192.168/16, 127/8, ::1.
    ctx = await createTestContext({ TRUSTED_PROXIES: '127.0.0.1' });
    const people: [string, string, string, string, ('active' | 'disabled')?][] = [
      ['monteregie', 'gama1234', 'Marc', 'Gagnon'],
      ['monteregie', 'gama5678', 'Marc', 'Gagnon'],
      ['monteregie', 'lecl0001', 'Émilie', "L'Écuyer-Côté"],
      ['monteregie', 'gama9999', 'Marc', 'Gagnon', 'disabled'],
      ['cegepdeseptiles', 'gagm', 'Marc', 'Gagnon'],
    ];
    for (const [slug, username, firstName, lastName, status] of people)
      await createUser(ctx, slug, { username, firstName, lastName, status });
  });
  afterAll(() => ctx.close());

  const lookup = (body: unknown, ip: string | null, host = MONTEREGIE) =>
    ctx.request(host, {
      method: 'POST',
      path: '/api/v1/username/lookup',
      body,
      headers: ip ? { 'x-forwarded-for': ip } : {},
    });

  it('finds the usernames of active accounts of this tenant, names folded (case, accents, hyphens, apostrophes)', async () => {
    const res = await lookup({ firstName: 'marc', lastName: 'GAGNON' }, '10.1.2.3');
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ usernames: ['gama1234', 'gama5678'] });
    expect(
      (await lookup({ firstName: 'Emilie', lastName: 'lecuyer cote' }, '10.1.2.3')).json(),
    ).toEqual({ usernames: ['lecl0001'] });
    expect((await lookup({ firstName: 'Nobody', lastName: 'Atall' }, '10.1.2.3')).json()).toEqual({
      usernames: [],
    });
  });

  it.each([
    ['172.20.0.9', 200],
    ['192.168.44.1', 200],
    ['::ffff:10.9.8.7', 200],
    ['::1', 200],
    ['203.0.113.7', 403],
    ['8.8.8.8', 403],
    ['172.32.0.1', 403],
    ['2001:db8::1', 403],
  ])('from %s → %i', async (ip, status) => {
    const res = await lookup({ firstName: 'Marc', lastName: 'Gagnon' }, ip);
    expect(res.status).toBe(status);
    if (status === 403) expect(res.json()).toEqual(REFUSED);
  });

  it('trusts X-Forwarded-For only from trusted proxies: a client cannot claim an inside address', async () => {
    // This process trusts no proxy: the address is the connection's (127.0.0.1, allowed), and a header cannot change it.
    const direct = await ctx.startApi({ TRUSTED_PROXIES: '' });
    const tid = await tenantId(ctx, 'monteregie');
    await setTenantSettings(ctx, tid, { allowedNetworks: ['10.0.0.0/8'] });
    // Until the process has the new networks it answers 200 (127.0.0.1 was allowed); then a
    // header it does not trust must not get it in: 403. A trusted header never gets to 403.
    const spoofed = await waitFor(
      () =>
        ctx.request(
          MONTEREGIE,
          {
            method: 'POST',
            path: '/api/v1/username/lookup',
            body: { firstName: 'Marc', lastName: 'Gagnon' },
            headers: { 'x-forwarded-for': '10.1.2.3' },
          },
          direct,
        ),
      (res) => res.status !== 200,
    );
    expect(spoofed.status).toBe(403);
    expect((await lookup({ firstName: 'Marc', lastName: 'Gagnon' }, '10.1.2.3')).status).toBe(200); // through the trusted proxy
    await setTenantSettings(ctx, tid, {
      allowedNetworks: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '127.0.0.0/8', '::1/128'],
    });
    await direct.stop();
  });

  it('is refused where the tenant does not offer it', async () => {
    const res = await lookup({ firstName: 'Marc', lastName: 'Gagnon' }, '10.1.2.3', CEGEP);
    expect(res.status).toBe(403);
    expect(res.json()).toEqual({
      error: 'lookup_disabled',
      message: 'The username lookup tool is not offered on this portal.',
    });
  });

  it('validates the body', async () => {
    for (const body of [
      {},
      { firstName: 'Marc' },
      { firstName: ['Marc'], lastName: 'Gagnon' },
      { firstName: 'Marc', lastName: 'Gagnon', email: 'x@y.ca' },
      { firstName: '', lastName: ' ' },
    ]) {
      const res = await lookup(body, '10.1.2.3');
      expect(res.status).toBe(400);
      expect(res.json()).toMatchObject({ error: 'invalid_body' });
    }
  });

  it('is rate limited per address (429 with Retry-After) and audited', async () => {
    const ip = '10.77.0.1';
    const statuses = [];
    for (let i = 0; i < 11; i += 1)
      statuses.push((await lookup({ firstName: 'Marc', lastName: 'Gagnon' }, ip)).status);
    expect(statuses).toEqual([...Array(10).fill(200), 429]);
    const limited = await lookup({ firstName: 'Marc', lastName: 'Gagnon' }, ip);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await lookup({ firstName: 'Marc', lastName: 'Gagnon' }, '10.77.0.2')).status).toBe(200);
    const tid = await tenantId(ctx, 'monteregie');
    const events = await auditEvents(ctx, tid, 'username.lookup');
    expect(events.filter((e) => e.ip === ip && e.after?.outcome === 'searched')).toHaveLength(10);
    expect(
      events.some((e) => e.ip === '203.0.113.7' && e.after?.outcome === 'network_refused'),
    ).toBe(true);
    expect(
      (await auditEvents(ctx, tid, 'security.rate_limited')).filter((e) => e.ip === ip),
    ).toHaveLength(1);
  });
});
