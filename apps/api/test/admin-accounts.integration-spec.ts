import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  emailJobId,
  type AdminUserView,
  type AuditEventView,
  type DeliveryView,
  type Page,
  type SendResetResponse,
} from '@guichet/types';
import { parse } from 'csv-parse/sync';
import { createUser, portalLogin, testHash, type TestUser } from './factories/users.js';
import {
  type AdminClient,
  auditRows,
  signIn,
  signInCegepAdmin,
  startAdminSuite,
} from './support/admin.js';
import { linkToken, outboxRows, queuedJobs } from './support/outbox.js';
import { ADMIN, CEGEP, type TestContext } from './support/test-app.js';

describe('admin API: accounts, email deliveries and the audit log', () => {
  let ctx: TestContext;
  let platform: AdminClient;
  let admin: AdminClient;
  let cegep: string;
  let monteregie: string;
  let jean: TestUser;
  let julie: TestUser;
  let newcomer: TestUser;

  beforeAll(async () => {
    const suite = await startAdminSuite();
    ({ ctx, platform, cegep, monteregie } = suite);
    admin = await signInCegepAdmin(suite);
    jean = await createUser(ctx, 'cegepdeseptiles', {
      username: 'trej',
      firstName: 'Jean',
      lastName: 'Tremblay',
      email: 'jean.tremblay@cegepsi.ca',
      password: 'Jean-password-2024',
    });
    julie = await createUser(ctx, 'cegepdeseptiles', {
      username: 'damj',
      firstName: 'Julie',
      lastName: "D'Amours",
      email: 'julie.damours@cegepsi.ca',
      password: 'Julie-password-2024',
    });
    newcomer = await createUser(ctx, 'cegepdeseptiles', {
      username: 'lean',
      firstName: 'Anne',
      lastName: 'Lê',
      email: 'anne.le@cegepsi.ca',
      password: null,
    });
    const passwordHash = await testHash('Student-password-2024');
    for (let i = 0; i < 30; i += 1)
      await createUser(ctx, 'cegepdeseptiles', {
        username: `etud${String(i).padStart(2, '0')}`,
        firstName: 'Étudiant',
        lastName: `Numéro ${i}`,
        passwordHash,
      });
    await createUser(ctx, 'monteregie', {
      username: 'gama1234',
      firstName: 'Marie',
      lastName: 'Gagnon',
    });
  });
  afterAll(() => ctx.close());

  const users = (query = '') => admin.get(`/tenants/${cegep}/users${query}`);

  it('lists the tenant’s accounts a page at a time, searched by name, username, email or external id, filtered by status', async () => {
    const first = (await users('?pageSize=10')).json<Page<AdminUserView>>();
    expect(first).toMatchObject({ total: 33, page: 1, pageSize: 10 });
    expect(first.items).toHaveLength(10);
    expect(first.items[0]).toEqual({
      id: julie.id,
      username: 'damj',
      firstName: 'Julie',
      lastName: "D'Amours",
      email: 'julie.damours@cegepsi.ca',
      externalId: null,
      status: 'active',
      enrolled: true,
      lockedUntil: null,
      lastLoginAt: null,
      passwordChangedAt: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const last = (await users('?pageSize=10&page=4')).json<Page<AdminUserView>>();
    expect(last.items.map((u) => u.username)).toEqual(['etud29', 'lean', 'trej']);
    expect(
      (await users('?q=TREMBLAY')).json<Page<AdminUserView>>().items.map((u) => u.username),
    ).toEqual(['trej']);
    expect(
      (await users('?q=jean%20tremblay')).json<Page<AdminUserView>>().items.map((u) => u.username),
    ).toEqual(['trej']);
    expect((await users('?q=julie.damours@')).json<Page<AdminUserView>>().total).toBe(1);
    expect((await users('?q=%25')).json<Page<AdminUserView>>().total).toBe(0);
    expect(
      (await users('?status=not-enrolled'))
        .json<Page<AdminUserView>>()
        .items.map((u) => u.username),
    ).toEqual(['lean']);
    expect((await users('?status=enrolled&q=etud')).json<Page<AdminUserView>>().total).toBe(30);
    // Never another tenant's accounts.
    expect((await users('?q=gama')).json<Page<AdminUserView>>().total).toBe(0);
    for (const bad of ['?pageSize=0', '?pageSize=1000', '?page=-1', '?status=deleted', '?page=abc'])
      expect([bad, (await users(bad)).status]).toEqual([bad, 400]);
    expect(
      (await admin.get(`/tenants/${cegep}/users/${jean.id}`)).json<AdminUserView>().username,
    ).toBe('trej');
    expect((await admin.get(`/tenants/${cegep}/users/not-a-uuid`)).status).toBe(404);
  });

  it('searches ignoring accents as well as case, both ways (« levesque » finds « Lévesque », « Étienne » finds « Etienne »), ligatures and apostrophes too', async () => {
    const person = (username: string, firstName: string, lastName: string, email: string) =>
      createUser(ctx, 'cegepdeseptiles', { username, firstName, lastName, email });
    const marie = await person('levm', 'Marie-Ève', 'Lévesque', 'me.levesque@cegepsi.ca');
    const etienne = await person('cote', 'Etienne', 'COTE', 'etienne.cote@cegepsi.ca');
    const oeuvrard = await person('oeuj', 'Joël', 'Œuvrard', 'joel.oeuvrard@cegepsi.ca');
    // Another tenant's Lévesque is never found.
    await createUser(ctx, 'monteregie', {
      username: 'levesqueg',
      firstName: 'Gaëtan',
      lastName: 'Lévesque',
    });
    const found = async (q: string) =>
      (await users(`?q=${encodeURIComponent(q)}`))
        .json<Page<AdminUserView>>()
        .items.map((u) => u.id);
    for (const q of [
      'levesque',
      'LEVESQUE',
      'Lévesque',
      'LÉVESQUE',
      'marie-eve levesque',
      'Levesque Marie-Eve',
      'lévesque marie-ève',
    ])
      expect([q, await found(q)]).toEqual([q, [marie.id]]);
    for (const q of ['Étienne', 'ÉTIENNE CÔTÉ', 'côte'])
      expect([q, await found(q)]).toEqual([q, [etienne.id]]);
    for (const q of ['oeuvrard', 'ŒUVRARD', 'joel oeuvrard', 'Joël Œuvrard'])
      expect([q, await found(q)]).toEqual([q, [oeuvrard.id]]);
    expect(await found('d’amours')).toEqual([julie.id]);
    // Every accented letter of French (and Portuguese) folds to its own base letter.
    const letters = await createUser(ctx, 'cegepdeseptiles', {
      username: 'accents',
      firstName: 'Ãõ',
      lastName: 'ÀÂÄÉÈÊËÎÏÔÖÙÛÜŸÇàâäéèêëîïôöùûüÿç',
    });
    expect(await found('aaaeeeeiioouuuycaaaeeeeiioouuuyc')).toEqual([letters.id]);
    expect(await found('ao')).toContain(letters.id);
    expect(await found('anne le')).toEqual([newcomer.id]);
    // A search never matches across two fields (the end of a name and the start of the email).
    expect(await found('levesque me.')).toEqual([]);
    expect(await found('é_')).toEqual([]);
  });

  it('disables an account (sign-in refused, sessions revoked), enables it again, and unlocks a locked one; each audited with before/after', async () => {
    const session = await portalLogin(ctx, CEGEP, jean);
    expect(session.status).toBe(200);
    const token = session.json<{ accessToken: string }>().accessToken;

    const disabled = await admin.request('POST', `/tenants/${cegep}/users/${jean.id}/disable`);
    expect(disabled.status).toBe(200);
    expect(disabled.json<AdminUserView>().status).toBe('disabled');
    expect((await portalLogin(ctx, CEGEP, jean)).status).toBe(401);
    expect(
      (
        await ctx.request(CEGEP, {
          path: '/api/v1/me',
          headers: { authorization: `Bearer ${token}` },
        })
      ).status,
    ).toBe(401);
    expect(
      (await users('?status=disabled')).json<Page<AdminUserView>>().items.map((u) => u.username),
    ).toEqual(['trej']);

    expect(
      (
        await admin.request('POST', `/tenants/${cegep}/users/${jean.id}/enable`)
      ).json<AdminUserView>().status,
    ).toBe('active');
    expect((await portalLogin(ctx, CEGEP, jean)).status).toBe(200);

    // Locked by failed sign-ins (5 for the Cégep): the right password is refused until unlocked.
    for (let i = 0; i < 5; i += 1)
      await ctx.request(CEGEP, {
        method: 'POST',
        path: '/api/v1/auth/login',
        body: { username: 'damj', password: `wrong-${i}`, remember: 'none' },
      });
    expect((await portalLogin(ctx, CEGEP, julie)).status).toBe(401);
    const locked = (await admin.get(`/tenants/${cegep}/users/${julie.id}`)).json<AdminUserView>();
    expect(locked.lockedUntil).not.toBeNull();
    expect(
      (await users('?status=locked')).json<Page<AdminUserView>>().items.map((u) => u.username),
    ).toEqual(['damj']);
    const unlocked = await admin.request('POST', `/tenants/${cegep}/users/${julie.id}/unlock`);
    expect(unlocked.json<AdminUserView>().lockedUntil).toBeNull();
    expect((await portalLogin(ctx, CEGEP, julie)).status).toBe(200);

    const events = await auditRows(ctx, cegep);
    const mine = events.filter((e) => e.actorType === 'admin');
    expect(mine.map((e) => e.action)).toEqual(['user.disabled', 'user.enabled', 'user.unlocked']);
    expect(mine[0]).toMatchObject({
      targetId: jean.id,
      before: { status: 'active' },
      after: { status: 'disabled' },
    });
    expect(mine[2]).toMatchObject({
      targetId: julie.id,
      before: { lockedUntil: expect.any(String) },
      after: { lockedUntil: null },
    });
    expect(
      (
        await admin.request(
          'POST',
          `/tenants/${cegep}/users/00000000-0000-4000-8000-000000000000/disable`,
        )
      ).status,
    ).toBe(404);
  });

  it('sends a reset link (an enrolment link when not enrolled) to the stored address through the outbox, audited as the admin', async () => {
    const res = await admin.request('POST', `/tenants/${cegep}/users/${jean.id}/send-reset`);
    expect(res.status).toBe(202);
    const sent = res.json<SendResetResponse>();
    expect(sent).toEqual({
      outcome: 'sent',
      kind: 'password-reset',
      deliveryId: expect.any(String),
    });
    const row = (await outboxRows(ctx, { userId: jean.id })).find((r) => r.id === sent.deliveryId)!;
    expect(row).toMatchObject({
      kind: 'password-reset',
      recipient: 'jean.tremblay@cegepsi.ca',
      payload: { locale: 'fr', data: { username: 'trej' } },
    });
    expect(linkToken(row).length).toBeGreaterThanOrEqual(22);
    expect((await queuedJobs(ctx)).map((j) => j.id)).toContain(emailJobId(sent.deliveryId!));

    const enrol = (
      await admin.request('POST', `/tenants/${cegep}/users/${newcomer.id}/send-reset`, {
        locale: 'en',
      })
    ).json<SendResetResponse>();
    expect(enrol.kind).toBe('enrolment');
    expect((await outboxRows(ctx, { userId: newcomer.id }))[0]).toMatchObject({
      kind: 'enrolment',
      recipient: 'anne.le@cegepsi.ca',
      payload: { locale: 'en' },
    });

    const events = await auditRows(ctx, cegep, 'user.reset.sent');
    expect(events[0]).toMatchObject({
      actorType: 'admin',
      targetId: jean.id,
      after: { outcome: 'sent', kind: 'password-reset' },
    });

    await admin.request('POST', `/tenants/${cegep}/users/${julie.id}/disable`);
    const refused = await admin.request('POST', `/tenants/${cegep}/users/${julie.id}/send-reset`);
    expect(refused.status).toBe(409);
    expect((await outboxRows(ctx, { userId: julie.id })).length).toBe(0);
    await admin.request('POST', `/tenants/${cegep}/users/${julie.id}/enable`);
  });

  it('lists deliveries with filters and never a token; retries a failed one (409 for the others)', async () => {
    const insert = async (
      kind: string,
      status: string,
      recipient: string,
      extra: { actionTokenId?: string; tokenCiphertext?: string } = {},
    ) => {
      const payload = {
        kind,
        tenantId: cegep,
        version: 1,
        recipient: { email: recipient, name: '' },
        locale: 'fr',
        data:
          kind === 'test-email' ? { requestedBy: 'x' } : { username: 'trej', expiresInMinutes: 60 },
      };
      const [row] = await ctx.dataSource.query<{ id: string }[]>(
        `INSERT INTO email_deliveries (tenant_id, kind, recipient, payload, status, attempts, last_error, action_token_id, token_ciphertext)
         VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9) RETURNING id`,
        [
          cegep,
          kind,
          recipient,
          JSON.stringify(payload),
          status,
          status === 'failed' ? 10 : 1,
          status === 'failed' ? '451 4.3.0 mailbox busy' : null,
          extra.actionTokenId ?? null,
          extra.tokenCiphertext ?? null,
        ],
      );
      return row!.id;
    };
    const failed = await insert('test-email', 'failed', 'failed@cegepsi.ca');
    const sent = await insert('test-email', 'sent', 'sent@cegepsi.ca');
    const [expiredToken] = await ctx.dataSource.query<{ id: string }[]>(
      `INSERT INTO action_tokens (tenant_id, user_id, purpose, token_hash, expires_at) VALUES ($1, $2, 'password-reset', $3, now() - interval '1 hour') RETURNING id`,
      [cegep, jean.id, Buffer.from('expired-token-hash-for-the-test')],
    );
    const staleLink = await insert('password-reset', 'failed', 'jean.tremblay@cegepsi.ca', {
      actionTokenId: expiredToken!.id,
      tokenCiphertext: 'v1.a.b.c',
    });

    const all = await admin.get(`/tenants/${cegep}/deliveries?pageSize=100`);
    expect(all.status).toBe(200);
    expect(all.body).not.toMatch(/token|v1\.a\.b\.c/i);
    const page = all.json<Page<DeliveryView>>();
    expect(Object.keys(page.items[0]!).sort()).toEqual([
      'attempts',
      'createdAt',
      'id',
      'kind',
      'lastError',
      'locale',
      'messageId',
      'recipient',
      'sentAt',
      'status',
      'updatedAt',
    ]);
    expect(
      (await admin.get(`/tenants/${cegep}/deliveries?status=failed`))
        .json<Page<DeliveryView>>()
        .items.map((d) => d.id)
        .sort(),
    ).toEqual([failed, staleLink].sort());
    expect(
      (await admin.get(`/tenants/${cegep}/deliveries?kind=enrolment`))
        .json<Page<DeliveryView>>()
        .items.map((d) => d.recipient),
    ).toEqual(['anne.le@cegepsi.ca']);
    expect(
      (await admin.get(`/tenants/${cegep}/deliveries?q=SENT@`))
        .json<Page<DeliveryView>>()
        .items.map((d) => d.id),
    ).toEqual([sent]);
    expect((await admin.get(`/tenants/${cegep}/deliveries?status=lost`)).status).toBe(400);

    const retried = await admin.request('POST', `/tenants/${cegep}/deliveries/${failed}/retry`);
    expect(retried.status).toBe(202);
    expect(retried.json<DeliveryView>()).toMatchObject({
      id: failed,
      status: 'queued',
      attempts: 10,
      lastError: '451 4.3.0 mailbox busy',
    });
    expect((await queuedJobs(ctx)).find((j) => j.id === emailJobId(failed))?.data).toEqual({
      outboxId: failed,
      tenantId: cegep,
      kind: 'test-email',
      version: 1,
    });
    const again = await admin.request('POST', `/tenants/${cegep}/deliveries/${failed}/retry`);
    expect(again.status).toBe(409);
    expect(again.json()).toMatchObject({ error: 'not_failed' });
    expect((await admin.request('POST', `/tenants/${cegep}/deliveries/${sent}/retry`)).status).toBe(
      409,
    );
    expect(
      (await admin.request('POST', `/tenants/${cegep}/deliveries/${staleLink}/retry`)).json(),
    ).toMatchObject({ error: 'link_expired' });
    expect(
      (
        await admin.request(
          'POST',
          `/tenants/${cegep}/deliveries/00000000-0000-4000-8000-000000000000/retry`,
        )
      ).status,
    ).toBe(404);
    expect(await auditRows(ctx, cegep, 'delivery.retried')).toEqual([
      expect.objectContaining({
        targetId: failed,
        before: { status: 'failed', attempts: 10, lastError: '451 4.3.0 mailbox busy' },
        after: { status: 'queued' },
      }),
    ]);
  });

  it('shows the audit log with filters (action prefix, actor, dates) and exports it as CSV; platform events to platform admins only', async () => {
    const page = (await admin.get(`/tenants/${cegep}/audit?action=user.&pageSize=100`)).json<
      Page<AuditEventView>
    >();
    expect(page.items.length).toBeGreaterThanOrEqual(5);
    expect(page.items.every((e) => e.action.startsWith('user.'))).toBe(true);
    const disabled = page.items.find(
      (e) => e.action === 'user.disabled' && e.target?.id === jean.id,
    )!;
    expect(disabled).toMatchObject({
      actor: { type: 'admin', label: 'ti@cegepsi.ca' },
      target: { type: 'user', id: jean.id },
      before: { status: 'active' },
      after: { status: 'disabled' },
      ip: expect.any(String),
    });
    // Newest first.
    expect(Number(page.items[0]!.id)).toBeGreaterThan(Number(page.items.at(-1)!.id));

    expect(
      (await admin.get(`/tenants/${cegep}/audit?actor=ti@cegepsi&pageSize=100`))
        .json<Page<AuditEventView>>()
        .items.every((e) => e.actor.label === 'ti@cegepsi.ca'),
    ).toBe(true);
    // `%` and `_` in the actor filter are characters, not wildcards.
    for (const wildcard of ['%25', '_', 'ti_cegepsi']) {
      expect(
        (await admin.get(`/tenants/${cegep}/audit?actor=${wildcard}&pageSize=100`)).json<
          Page<AuditEventView>
        >().total,
      ).toBe(0);
    }
    const signIns = (await admin.get(`/tenants/${cegep}/audit?action=auth.login&actor=damj`)).json<
      Page<AuditEventView>
    >();
    expect(signIns.items.length).toBeGreaterThan(0);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect(
      (await admin.get(`/tenants/${cegep}/audit?from=${tomorrow}`)).json<Page<AuditEventView>>()
        .total,
    ).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    expect(
      (
        await admin.get(`/tenants/${cegep}/audit?from=${today}&to=${today}&action=user.disabled`)
      ).json<Page<AuditEventView>>().total,
    ).toBe(2);
    expect((await admin.get(`/tenants/${cegep}/audit?from=2025-02-01&to=2025-01-01`)).status).toBe(
      400,
    );
    expect((await admin.get(`/tenants/${cegep}/audit?from=yesterday`)).status).toBe(400);

    const csv = await admin.get(`/tenants/${cegep}/audit.csv?action=user.`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(
      /^attachment; filename="audit-cegepdeseptiles-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const records = parse(csv.body, { bom: true, columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(page.total);
    // The header line as written: a column dropped, added or moved fails here.
    expect(csv.body.replace(/^\uFEFF/, '').split('\n')[0]).toBe(
      'id,at,actorType,actorId,actor,action,targetType,targetId,before,after,ip',
    );
    const row = records.find((r) => r.id === disabled.id)!;
    expect(row).toMatchObject({
      action: 'user.disabled',
      actor: 'ti@cegepsi.ca',
      targetId: jean.id,
    });
    expect(JSON.parse(row.after!)).toEqual({ status: 'disabled', lockedUntil: null });

    // Platform events: admin accounts and sign-ins, tenants created; never to a tenant admin.
    await platform
      .request('POST', '/admins', {
        email: '+cmd@guichet.test',
        password: 'a long admin password',
        role: 'platform-admin',
      })
      .then((r) => expect(r.status).toBe(201));
    const platformEvents = (await platform.get('/audit?action=admin.')).json<
      Page<AuditEventView>
    >();
    expect(platformEvents.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['admin.created', 'admin.login.succeeded']),
    );
    expect(
      platformEvents.items.every(
        (e) => !JSON.stringify(e).includes(cegep) || e.action.startsWith('admin.'),
      ),
    ).toBe(true);
    const platformCsv = await platform.get('/audit.csv?action=admin.created');
    const created = parse(platformCsv.body, { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(created.map((r) => r.actor)).toEqual([ADMIN.email]);
    // A cell a spreadsheet would run as a formula (= + - @) is defused.
    await signIn(ctx, { email: '+cmd@guichet.test', password: 'a long admin password' });
    const formula = parse(
      (await platform.get('/audit.csv?action=admin.login.succeeded&actor=%2Bcmd%40guichet')).body,
      { bom: true, columns: true },
    ) as Record<string, string>[];
    expect(formula.map((r) => r.actor)).toEqual(["'+cmd@guichet.test"]);
    expect((await admin.get('/audit')).status).toBe(403);
    expect((await admin.get(`/tenants/${monteregie}/audit`)).status).toBe(404);
  });
});
