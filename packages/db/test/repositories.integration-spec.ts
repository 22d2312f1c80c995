import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseEnv } from '@guichet/types';
import type { DataSource } from 'typeorm';
import {
  AccountRequestsRepository,
  ActionTokensRepository,
  AuditEventsRepository,
  createDataSource,
  EmailDeliveriesRepository,
  EmailTemplatesRepository,
  OidcClientsRepository,
  OidcSigningKeysRepository,
  OidcPayloadsRepository,
  RefreshSessionsRepository,
  seed,
  Tenant,
  TenantAssetsRepository,
  TenantHostsRepository,
  TenantsRepository,
  type TenantId,
  tenantId,
  TenantSettingsRepository,
  UserImportRepository,
  UsersRepository,
} from '../src/index.js';
import { createTestDatabase, type TestDatabase } from '../src/testing.js';

const hash = (token: string) => createHash('sha256').update(token).digest();
const token = () => randomBytes(32).toString('base64url');
/** The audit event the sign-in statement writes beside the session. */
const SIGNED_IN = { action: 'auth.login.succeeded', actorType: 'user' } as const;

describe('repositories scope every statement to the tenant they are given', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let a: TenantId;
  let b: TenantId;
  let users: UsersRepository;
  let imports: UserImportRepository;
  let tokens: ActionTokensRepository;
  let sessions: RefreshSessionsRepository;
  let deliveries: EmailDeliveriesRepository;
  /** An account of tenant B, and a live link, a session and a failed delivery of it. */
  const ofB = { userId: '', token: token(), session: token(), deliveryId: '' };

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = createDataSource(db.url, { poolSize: 2 });
    await ds.initialize();
    await seed(ds, parseEnv({}));
    const bySlug = async (slug: string) =>
      tenantId((await ds.getRepository(Tenant).findOneByOrFail({ slug })).id);
    a = await bySlug('cegepdeseptiles');
    b = await bySlug('monteregie');
    users = new UsersRepository(ds);
    imports = new UserImportRepository(ds);
    tokens = new ActionTokensRepository(ds);
    sessions = new RefreshSessionsRepository(ds);
    deliveries = new EmailDeliveriesRepository(ds);

    const person = { firstName: 'Jean', lastName: 'Tremblay', email: 'jt@example.ca' };
    await imports.insertMany(a, [{ ...person, username: 'trej', externalId: 'E1' }]);
    await imports.insertMany(b, [{ ...person, username: 'trej', externalId: 'E1' }]);
    ofB.userId = (await users.idByUsername(b, 'trej'))!;
    const tokenId = await tokens.insert(b, {
      userId: ofB.userId,
      purpose: 'password-reset',
      tokenHash: hash(ofB.token),
      minutes: 30,
    });
    await sessions.insertAtSignIn(
      b,
      {
        userId: ofB.userId,
        familyId: randomBytes(16)
          .toString('hex')
          .replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-'),
        tokenHash: hash(ofB.session),
        persistent: false,
        signedInAt: new Date(),
        lifetimeSeconds: 3600,
        maxSeconds: 7200,
        userAgent: null,
        ip: null,
      },
      SIGNED_IN,
    );
    const [row] = await ds.query<{ id: string }[]>(
      `INSERT INTO email_deliveries (tenant_id, user_id, kind, recipient, payload, status, action_token_id)
       VALUES ($1, $2, 'password-reset', 'jt@example.ca', '{}'::jsonb, 'failed', $3) RETURNING id`,
      [b, ofB.userId, tokenId],
    );
    ofB.deliveryId = row!.id;
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('finds tenant B rows through B (the fixture is real)', async () => {
    expect(await users.view(b, ofB.userId)).toMatchObject({ username: 'trej' });
    expect(await tokens.state(b, hash(ofB.token))).toBe('valid');
    expect(await sessions.userByToken(b, hash(ofB.session))).toMatchObject({
      user: { id: ofB.userId },
    });
    expect(await deliveries.lockForRetry(b, ofB.deliveryId)).toMatchObject({
      status: 'failed',
      linkValid: true,
    });
  });

  it("does not show tenant B's rows through tenant A", async () => {
    expect(await users.view(a, ofB.userId)).toBeNull();
    expect(await users.adminView(a, ofB.userId)).toBeNull();
    expect(await users.lockForEmail(a, ofB.userId)).toBeNull();
    expect(await users.activeWithEnrolment(a, ofB.userId)).toBeNull();
    expect(await tokens.state(a, hash(ofB.token))).toBe('invalid');
    expect(await tokens.accountOfLiveLink(a, hash(ofB.token))).toBeNull();
    expect(await tokens.hasLive(a, ofB.userId, 'password-reset')).toBe(false);
    expect(await sessions.byToken(a, hash(ofB.session))).toBeNull();
    expect(await sessions.userByToken(a, hash(ofB.session))).toBeNull();
    expect(await deliveries.view(a, ofB.deliveryId)).toBeNull();
    expect(await deliveries.lockForRetry(a, ofB.deliveryId)).toBeNull();
    expect((await deliveries.page(a, { page: 1, pageSize: 50 })).total).toBe(0);
    const page = await users.adminPage(a, { page: 1, pageSize: 50 });
    expect(page.rows.map((r) => r.id)).not.toContain(ofB.userId);
    expect(page.total).toBe(1);
  });

  it("changes nothing of tenant B's rows through tenant A", async () => {
    expect(await tokens.consume(a, hash(ofB.token))).toBeNull();
    await tokens.voidPending(a, [ofB.userId]);
    expect(
      await sessions.rotate(a, hash(ofB.session), {
        tokenHash: hash('next'),
        lifetimeSeconds: { persistent: 60, browser: 60 },
        maxSeconds: { persistent: 60, browser: 60 },
        userAgent: null,
        ip: null,
      }),
    ).toBeNull();
    expect(await sessions.revokeAllOf(a, [ofB.userId])).toBe(0);
    expect(await users.setPassword(a, ofB.userId, 'hash', [])).toBe(false);
    await users.setStatus(a, ofB.userId, 'disabled');
    await users.recordFailure(a, ofB.userId, 60);
    expect(await deliveries.claim(a, ofB.deliveryId)).toBeNull();
    await deliveries.markSent(a, ofB.deliveryId, 'stolen');
    await deliveries.requeue(a, ofB.deliveryId);
    await imports.updateMany(a, [
      {
        id: ofB.userId,
        username: 'taken',
        firstName: 'X',
        lastName: 'Y',
        email: 'x@y',
        externalId: null,
      },
    ]);

    // Everything of B is as it was.
    expect(await users.adminView(b, ofB.userId)).toMatchObject({
      username: 'trej',
      status: 'active',
      lockedUntil: null,
      enrolled: false,
    });
    expect(await tokens.state(b, hash(ofB.token))).toBe('valid');
    expect(await sessions.byToken(b, hash(ofB.session))).toMatchObject({
      rotated: false,
      revoked: false,
    });
    expect(await deliveries.view(b, ofB.deliveryId)).toMatchObject({
      status: 'failed',
      messageId: null,
      attempts: 0,
    });
  });

  it("keeps tenant B's settings, requests, assets, audit and provider data out of tenant A's reach", async () => {
    const settings = new TenantSettingsRepository(ds);
    expect((await settings.get(a))!.settings).not.toEqual((await settings.get(b))!.settings);

    const requests = new AccountRequestsRepository(ds);
    const id = '00000000-0000-4000-8000-000000000001';
    await requests.insert(b, {
      id,
      kind: 'forgot-password',
      username: 'trej',
      locale: 'fr',
      meta: {},
      retrySeconds: 0,
    });
    await requests.delete(a, id);
    const [{ count }] = await ds.query<[{ count: number }]>(
      'SELECT count(*)::int AS count FROM account_requests WHERE id = $1',
      [id],
    );
    expect(count).toBe(1);

    const assets = new TenantAssetsRepository(ds);
    const png = Buffer.from('not really a png');
    await assets.put(b, 'logo', { contentType: 'image/png', content: png, sha256: 'f'.repeat(64) });
    expect(await assets.content(a, 'logo')).toBeNull();
    await assets.delete(a, 'logo');
    expect((await assets.content(b, 'logo'))!.content.equals(png)).toBe(true);

    const audit = new AuditEventsRepository(ds);
    await audit.insert(b, { action: 'test.b', actorType: 'system' });
    expect((await audit.page(a, { action: 'test.b', page: 1, pageSize: 10 })).total).toBe(0);
    expect((await audit.page(b, { action: 'test.b', page: 1, pageSize: 10 })).total).toBe(1);
    expect((await audit.page(null, { action: 'test.b', page: 1, pageSize: 10 })).total).toBe(0);

    const oidc = new OidcPayloadsRepository(ds);
    await oidc.upsert(b, 'Grant', 'g1', { accountId: ofB.userId, clientId: 'c1' }, 60);
    expect(await oidc.find(a, 'Grant', 'g1')).toBeUndefined();
    expect(await oidc.deleteAllOf(a, ofB.userId)).toBe(0);
    expect(await oidc.grantClientsOf(b, ofB.userId)).toEqual(['c1']);
  });

  it("keeps tenant B's templates, hosts, clients and signing keys out of tenant A's reach", async () => {
    const templates = new EmailTemplatesRepository(ds);
    const source = { subject: 'S', html: '<p>H</p>', text: 'T' };
    await templates.put(b, 'password-reset', 'fr', source);
    expect(await templates.find(a, 'password-reset', 'fr')).toBeNull();
    expect(await templates.ofKind(a, 'password-reset')).toEqual([]);
    await templates.delete(a, 'password-reset', 'fr');
    expect(await templates.find(b, 'password-reset', 'fr')).toMatchObject(source);

    const hosts = new TenantHostsRepository(ds);
    expect(await hosts.add(b, 'b-extra.example.ca', false)).toBe(true);
    expect(await hosts.add(a, 'b-extra.example.ca', false)).toBe(false);
    await hosts.remove(a, 'b-extra.example.ca');
    expect((await hosts.lockAll(b)).map((h) => h.hostName)).toContain('b-extra.example.ca');
    const tenants = new TenantsRepository(ds);
    expect((await tenants.byHost('b-extra.example.ca'))!.id).toBe(b);

    const clients = new OidcClientsRepository(ds);
    await clients.insert(b, {
      clientId: 'client-of-b',
      secretHash: hash('secret'),
      name: 'B app',
      redirectUris: ['https://b.example.ca/cb'],
      postLogoutRedirectUris: [],
      public: false,
      firstParty: true,
    });
    expect(await clients.find(a, 'client-of-b')).toBeNull();
    expect(await clients.replaceSecret(a, 'client-of-b', hash('stolen'))).toBe(false);
    expect(await clients.delete(a, 'client-of-b')).toBe(false);
    expect(await clients.find(b, 'client-of-b')).toMatchObject({
      secretHash: hash('secret').toString('hex'),
    });

    const keys = new OidcSigningKeysRepository(ds);
    await keys.insertActive(b, 'kid-of-b', 'ciphertext');
    expect(await keys.published(a)).toEqual([]);
    expect(await keys.retire(a, 'active')).toBe(0);
    expect(await keys.published(b)).toEqual([{ status: 'active', ciphertext: 'ciphertext' }]);
  });

  it("refuses, in the schema, a link or a session of tenant A naming tenant B's account", async () => {
    const crossed = tokens.insert(a, {
      userId: ofB.userId,
      purpose: 'enrolment',
      tokenHash: hash(token()),
      minutes: 30,
    });
    await expect(crossed).rejects.toMatchObject({ code: '23503' });
    const session = sessions.insertAtSignIn(
      a,
      {
        userId: ofB.userId,
        familyId: '00000000-0000-4000-8000-000000000002',
        tokenHash: hash(token()),
        persistent: false,
        signedInAt: new Date(),
        lifetimeSeconds: 60,
        maxSeconds: 60,
        userAgent: null,
        ip: null,
      },
      SIGNED_IN,
    );
    await expect(session).rejects.toMatchObject({ code: '23503' });
  });

  it('finds accounts by folded names and searches with accents ignored', async () => {
    await imports.insertMany(a, [
      {
        username: 'levm',
        firstName: 'Marie-Ève',
        lastName: 'Lévesque',
        email: 'm@e.ca',
        externalId: null,
      },
    ]);
    expect(await users.byNameKeys(a, 'levesque', 'marieeve', 10)).toEqual([
      { username: 'levm', firstName: 'Marie-Ève', lastName: 'Lévesque' },
    ]);
    expect(await users.byNameKeys(b, 'levesque', 'marieeve', 10)).toEqual([]);
    const found = await users.adminPage(a, { q: 'LEVESQUE', page: 1, pageSize: 10 });
    expect(found.rows.map((r) => r.username)).toEqual(['levm']);
  });
});

describe('TenantId', () => {
  it('is required by the type: a plain string does not compile (checked by typecheck)', () => {
    const users = new UsersRepository({} as DataSource);
    const plain: string = '00000000-0000-4000-8000-000000000000';
    const call = () =>
      // @ts-expect-error a plain string is not a TenantId: an unscoped call does not compile.
      users.view(plain, 'id');
    expect(typeof call).toBe('function');
    // @ts-expect-error nor does a missing tenant.
    const missing = () => users.view('id');
    expect(typeof missing).toBe('function');
  });
});
