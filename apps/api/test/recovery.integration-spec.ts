import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { emailJobId, type LoginResponse } from '@guichet/types';
import { verify as argon2Verify } from '@node-rs/argon2';
import { createUser, tenantId, type TestUser } from './factories/users.js';
import { setTenantSettings } from './factories/tenants.js';
import { signIn } from './support/admin.js';
import { cookieHeader, median } from './support/http.js';
import {
  auditEvents,
  linkToken,
  outboxRows,
  queuedJobs,
  waitFor,
  type OutboxRow,
} from './support/outbox.js';
import { CEGEP, createTestContext, MONTEREGIE, type TestContext } from './support/test-app.js';

const ACCEPTED = JSON.stringify({
  status: 'accepted',
  message: 'If an account matches, an email is on its way to the address on file for it.',
});
const INVALID_TOKEN = JSON.stringify({
  error: 'invalid_token',
  message: 'This link is invalid, has expired or was already used. Request a new one.',
});

describe('enrolment, forgot password and reset', () => {
  let ctx: TestContext;
  let ipCounter = 0;
  /** Each request from its own address (the API trusts the test as a proxy), so the per-address limits stay out of the way. */
  const nextIp = () => `10.20.${Math.floor(ipCounter / 250)}.${(ipCounter++ % 250) + 1}`;

  beforeAll(async () => {
    ctx = await createTestContext({ TRUSTED_PROXIES: '127.0.0.1' });
  });
  afterAll(() => ctx.close());

  const post = (host: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
    ctx.request(host, {
      method: 'POST',
      path,
      body,
      headers: { 'x-forwarded-for': nextIp(), ...headers },
    });
  const forgot = (username: unknown, host = CEGEP, headers: Record<string, string> = {}) =>
    post(host, '/api/v1/password/forgot', { username }, headers);
  const enrol = (username: unknown, host = CEGEP) => post(host, '/api/v1/enrollment', { username });
  const reset = (
    token: unknown,
    password: string,
    host = CEGEP,
    headers: Record<string, string> = {},
  ) => post(host, '/api/v1/password/reset', { token, password }, headers);
  const login = (username: string, password: string, host = CEGEP, remember = 'username') =>
    post(host, '/api/v1/auth/login', { username, password, remember });
  const emailsOf = (user: TestUser, count: number) =>
    waitFor(
      () => outboxRows(ctx, { userId: user.id }),
      (rows) => rows.length >= count,
    );
  const passwordHash = async (userId: string) =>
    (
      await ctx.dataSource.query<{ h: string | null }[]>(
        'SELECT password_hash AS h FROM users WHERE id = $1',
        [userId],
      )
    )[0]!.h;
  /** What the worker does with the row: `{tenant public URL}/reset-password?token=…`. */
  const linkOf = async (row: OutboxRow) => {
    const [t] = await ctx.dataSource.query<{ url: string }[]>(
      'SELECT public_url AS url FROM tenants WHERE id = $1',
      [row.tenantId],
    );
    return `${t!.url}/reset-password?token=${linkToken(row)}`;
  };

  it('forgot password: 202, a reset token stored hashed, the outbox row with the token encrypted, the job enqueued', async () => {
    const user = await createUser(ctx, 'cegepdeseptiles', {
      email: 'Jean.Tremblay@cegepsi.ca'.toLowerCase(),
    });
    const res = await forgot(user.username, CEGEP, { 'accept-language': 'en' });
    expect(res.status).toBe(202);
    expect(res.body).toBe(ACCEPTED);
    const [row] = await emailsOf(user, 1);
    expect(row).toMatchObject({
      kind: 'password-reset',
      recipient: 'jean.tremblay@cegepsi.ca',
      status: 'queued',
      tenantId: user.tenantId,
    });
    expect(row!.payload).toMatchObject({
      kind: 'password-reset',
      version: 1,
      locale: 'en',
      tenantId: user.tenantId,
      recipient: { email: 'jean.tremblay@cegepsi.ca', name: 'Jean Tremblay' },
      data: { username: user.username, expiresInMinutes: 60 },
    });
    const token = linkToken(row!);
    expect(token).toMatch(/^[\w-]{43}$/); // 256 bits
    expect(JSON.stringify(row!.payload)).not.toContain(token);
    const [stored] = await ctx.dataSource.query<
      { hash: Buffer; minutes: string; purpose: string }[]
    >(
      `SELECT token_hash AS hash, round(extract(epoch FROM expires_at - created_at) / 60) AS minutes, purpose FROM action_tokens WHERE id = $1`,
      [row!.actionTokenId],
    );
    expect(stored!.hash.equals(createHash('sha256').update(token).digest())).toBe(true);
    expect(stored).toMatchObject({ minutes: '60', purpose: 'password-reset' });
    expect(await linkOf(row!)).toBe(
      `http://cegepdeseptiles.localhost:3000/reset-password?token=${token}`,
    );
    const jobs = await waitFor(
      () => queuedJobs(ctx),
      (j) => j.some((x) => x.data.outboxId === row!.id),
    );
    expect(jobs.find((j) => j.data.outboxId === row!.id)).toEqual({
      id: emailJobId(row!.id),
      data: { outboxId: row!.id, tenantId: user.tenantId, kind: 'password-reset', version: 1 },
    });
    expect(
      (
        await waitFor(
          () => outboxRows(ctx, { userId: user.id }),
          (r) => r[0]!.enqueuedAt !== null,
        )
      )[0]!.enqueuedAt,
    ).not.toBeNull();
    expect(
      (await auditEvents(ctx, user.tenantId, 'recovery.requested')).find(
        (e) => e.targetId === user.id,
      )!.after,
    ).toMatchObject({ outcome: 'sent', kind: 'password-reset' });
  });

  it('enrolment: the enrolment link for an account not enrolled yet; "already registered" for an enrolled one; forgot-password of a new account sends the enrolment email', async () => {
    const fresh = await createUser(ctx, 'monteregie', { username: 'nouv1234', password: null });
    expect((await enrol('NOUV1234', MONTEREGIE)).status).toBe(202);
    const [enrolment] = await emailsOf(fresh, 1);
    expect(enrolment).toMatchObject({
      kind: 'enrolment',
      payload: { locale: 'fr', data: { username: 'nouv1234', expiresInMinutes: 60 } },
    });
    expect(linkToken(enrolment!)).toMatch(/^[\w-]{43}$/);

    const enrolled = await createUser(ctx, 'monteregie', { username: 'deja1234' });
    expect((await enrol('deja1234', MONTEREGIE)).status).toBe(202);
    const [already] = await emailsOf(enrolled, 1);
    expect(already).toMatchObject({
      kind: 'already-enrolled',
      tokenCiphertext: null,
      actionTokenId: null,
      payload: { data: { username: 'deja1234' } },
    });

    const other = await createUser(ctx, 'cegepdeseptiles', { password: null });
    expect((await forgot(other.username)).status).toBe(202);
    expect((await emailsOf(other, 1))[0]!.kind).toBe('enrolment');
  });

  it('completes an enrolment through the link: the account is enrolled and signs in, the link is then used up', async () => {
    const fresh = await createUser(ctx, 'monteregie', { username: 'insc1234', password: null });
    await enrol('insc1234', MONTEREGIE);
    const token = linkToken((await emailsOf(fresh, 1))[0]!);
    // « au moins 4 caractères et contenir au moins un chiffre et une lettre »
    expect((await reset(token, 'abc1', MONTEREGIE)).status).toBe(204);
    const [row] = await ctx.dataSource.query<{ enrolled: Date | null }[]>(
      'SELECT enrolled_at AS enrolled FROM users WHERE id = $1',
      [fresh.id],
    );
    expect(row!.enrolled).not.toBeNull();
    expect((await login('insc1234', 'abc1', MONTEREGIE)).status).toBe(200);
    expect((await reset(token, 'abc2', MONTEREGIE)).body).toBe(INVALID_TOKEN);
    expect(
      (await auditEvents(ctx, fresh.tenantId, 'enrolment.completed')).some(
        (e) => e.targetId === fresh.id,
      ),
    ).toBe(true);
    // Setting the first password is not a change to warn about.
    expect((await outboxRows(ctx, { userId: fresh.id })).map((r) => r.kind)).toEqual(['enrolment']);
  });

  it('answers identically for known, unknown, locked and disabled accounts on forgot and enrol', async () => {
    const known = await createUser(ctx, 'cegepdeseptiles');
    const locked = await createUser(ctx, 'cegepdeseptiles', {
      lockedUntil: new Date(Date.now() + 600_000),
    });
    const disabled = await createUser(ctx, 'cegepdeseptiles', { status: 'disabled' });
    const notEnrolled = await createUser(ctx, 'cegepdeseptiles', { password: null });
    for (const send of [forgot, enrol]) {
      const replies = [];
      for (const username of [
        known.username,
        'no-such-person',
        locked.username,
        disabled.username,
        notEnrolled.username,
      ])
        replies.push(await send(username));
      for (const r of replies) {
        expect(r.status).toBe(202);
        expect(r.body).toBe(ACCEPTED);
        expect(r.cookies).toEqual([]);
      }
      const headers = replies.map((r) =>
        Object.keys(r.headers)
          .filter((h) => !['date', 'x-request-id'].includes(h))
          .sort()
          .join(),
      );
      expect(new Set(headers).size).toBe(1);
    }
    // The locked account may still recover; the disabled one gets nothing.
    await waitFor(
      () => outboxRows(ctx, { userId: locked.id }),
      (r) => r.length === 2,
    );
    expect((await outboxRows(ctx, { userId: locked.id })).map((r) => r.kind).sort()).toEqual([
      'already-enrolled',
      'password-reset',
    ]);
    // Each request's work ends with its audit event: once the disabled account's two are in, nothing else is coming for it.
    const refused = await waitFor(
      async () =>
        [
          ...(await auditEvents(ctx, disabled.tenantId, 'recovery.requested')),
          ...(await auditEvents(ctx, disabled.tenantId, 'enrolment.requested')),
        ].filter((e) => e.targetId === disabled.id),
      (events) => events.length === 2,
    );
    expect(refused.map((e) => e.after)).toEqual([
      { outcome: 'account_disabled' },
      { outcome: 'account_disabled' },
    ]);
    expect(await outboxRows(ctx, { userId: disabled.id })).toEqual([]);
  });

  it('answers in the same time whether or not the account exists (the work happens after the reply)', async () => {
    const users = await Promise.all(
      Array.from({ length: 12 }, () => createUser(ctx, 'cegepdeseptiles')),
    );
    const times: Record<'known' | 'unknown', number[]> = { known: [], unknown: [] };
    for (const [i, user] of users.entries()) {
      for (const [kind, username] of [
        ['known', user.username],
        ['unknown', `ghost-${i}`],
      ] as const) {
        const started = performance.now();
        const res = await forgot(username);
        times[kind].push(performance.now() - started);
        expect(res.status).toBe(202);
      }
    }
    const known = median(times.known);
    const unknown = median(times.unknown);
    expect(Math.abs(known - unknown)).toBeLessThan(Math.max(25, 0.5 * Math.min(known, unknown)));
  });

  it('over the hand-off capacity: 503 + Retry-After alike for known and unknown accounts, and every 202 is written to the outbox', async () => {
    // One job at a time and two held: a burst of 60 requests overflows it.
    const small = await ctx.startApi({ BACKGROUND_CONCURRENCY: '1', BACKGROUND_MAX_WAITING: '2' });
    const users = await Promise.all(
      Array.from({ length: 30 }, () => createUser(ctx, 'cegepdeseptiles')),
    );
    const tid = users[0]!.tenantId;
    const acceptedIps: string[] = [];
    const refusedIps: string[] = [];
    const requests = users.flatMap((user, i) => [
      { user, username: user.username },
      { user: null, username: `nobody-${i}-${Date.now()}` },
    ]);
    let refusedKnown = 0;
    let refusedUnknown = 0;
    const accepted: typeof requests = [];
    const refusals: Awaited<ReturnType<typeof forgot>>[] = [];
    // A few bursts until both kinds of account were refused at least once.
    for (let round = 0; round < 5 && !(refusedKnown && refusedUnknown); round += 1) {
      const pendingRequests =
        round === 0 ? requests : requests.filter((r) => !accepted.includes(r));
      const ips = pendingRequests.map(() => nextIp());
      const replies = await Promise.all(
        pendingRequests.map((r, i) =>
          ctx.request(
            CEGEP,
            {
              method: 'POST',
              path: '/api/v1/password/forgot',
              body: { username: r.username },
              headers: { 'x-forwarded-for': ips[i]! },
            },
            small,
          ),
        ),
      );
      for (const [i, res] of replies.entries()) {
        expect([202, 503]).toContain(res.status);
        if (res.status === 202) {
          accepted.push(pendingRequests[i]!);
          acceptedIps.push(ips[i]!);
        } else {
          refusedIps.push(ips[i]!);
          refusals.push(res);
          if (pendingRequests[i]!.user) refusedKnown += 1;
          else refusedUnknown += 1;
        }
      }
    }
    expect(refusedKnown).toBeGreaterThan(0);
    expect(refusedUnknown).toBeGreaterThan(0);
    for (const res of refusals) {
      expect(res.json()).toEqual({
        error: 'busy',
        message: 'The service is busy: nothing was sent. Try again in 5 seconds.',
      });
      expect(res.headers['retry-after']).toBe('5');
      expect(res.cookies).toEqual([]);
    }
    const headerSets = refusals.map((r) =>
      Object.keys(r.headers)
        .filter((h) => !['date', 'x-request-id'].includes(h))
        .sort()
        .join(),
    );
    expect(new Set(headerSets).size).toBe(1);
    // Every 202 was worked (one audit event each) and every accepted known account has its email.
    const from = (ips: string[]) => async () =>
      (await auditEvents(ctx, tid, 'recovery.requested')).filter(
        (e) => e.ip !== null && ips.includes(e.ip),
      );
    expect(
      await waitFor(from(acceptedIps), (e) => e.length >= accepted.length, 20_000),
    ).toHaveLength(accepted.length);
    expect(await from(refusedIps)()).toEqual([]);
    const acceptedUsers = new Set(accepted.flatMap((r) => (r.user ? [r.user.id] : [])));
    for (const user of users) {
      expect((await outboxRows(ctx, { userId: user.id })).length).toBe(
        acceptedUsers.has(user.id) ? 1 : 0,
      );
    }
    await small.stop();
  }, 60_000);

  it('a newer link voids the older one (a new link is sent once the live one expired)', async () => {
    const user = await createUser(ctx, 'cegepdeseptiles');
    await forgot(user.username);
    const [first] = await emailsOf(user, 1);
    // A link sent by an admin is always a new one.
    const admin = await signIn(ctx);
    expect(
      (await admin.request('POST', `/tenants/${user.tenantId}/users/${user.id}/send-reset`, {}))
        .status,
    ).toBe(202);
    const rows = await emailsOf(user, 2);
    const second = rows.find((r) => r.id !== first!.id)!;
    expect((await reset(linkToken(first!), 'Nouveau-mot-2-passe')).body).toBe(INVALID_TOKEN);
    expect((await reset(linkToken(second), 'Nouveau-mot-2-passe')).status).toBe(204);
  });

  describe("strangers cannot spend or void a person's recovery", () => {
    const outcomes = async (user: TestUser, action = 'recovery.requested') =>
      (await auditEvents(ctx, user.tenantId, action))
        .filter((e) => e.targetId === user.id)
        .map((e) => e.after?.outcome);

    it('a repeat request while the link is valid keeps that link: no new token, nothing voided, no email, the same 202', async () => {
      const user = await createUser(ctx, 'cegepdeseptiles');
      expect((await forgot(user.username)).body).toBe(ACCEPTED);
      const [first] = await emailsOf(user, 1);
      // Five strangers, each from an address of its own, then the owner again.
      for (let i = 0; i < 6; i += 1)
        expect((await (i % 2 ? enrol(user.username) : forgot(user.username))).body).toBe(ACCEPTED);
      await waitFor(
        () => outcomes(user),
        (o) => o.length >= 4,
      );
      await waitFor(
        () => outcomes(user, 'enrolment.requested'),
        (o) => o.length >= 3,
      );
      expect(await outcomes(user)).toEqual([
        'sent',
        'kept_live_link',
        'kept_live_link',
        'kept_live_link',
      ]);
      // An enrolled account asking to enrol gets the "already registered" notice, not a link.
      expect(await outcomes(user, 'enrolment.requested')).toEqual(['sent', 'sent', 'sent']);
      const rows = await outboxRows(ctx, { userId: user.id });
      expect(rows.filter((r) => r.kind === 'password-reset').map((r) => r.id)).toEqual([first!.id]);
      const [{ open }] = await ctx.dataSource.query<{ open: number }[]>(
        `SELECT count(*)::int AS open FROM action_tokens WHERE user_id = $1 AND consumed_at IS NULL AND voided_at IS NULL`,
        [user.id],
      );
      expect(open).toBe(1);
      expect((await reset(linkToken(first!), 'Le-lien-recu-marche-1')).status).toBe(204);
    });

    it('one address cannot spend the budget of the account: the owner, from another address, still gets a link', async () => {
      const user = await createUser(ctx, 'cegepdeseptiles');
      const stranger = nextIp();
      for (let i = 1; i <= 4; i += 1) {
        expect((await forgot(user.username, CEGEP, { 'x-forwarded-for': stranger })).body).toBe(
          ACCEPTED,
        );
        await waitFor(
          () => outcomes(user),
          (o) => o.length >= i,
        );
        // Time passes: the link expires unused (as after the tenant's lifetime).
        await ctx.dataSource.query(
          `UPDATE action_tokens SET expires_at = now() WHERE tenant_id = $1 AND user_id = $2`,
          [user.tenantId, user.id],
        );
      }
      expect(await outcomes(user)).toEqual(['sent', 'sent', 'sent', 'throttled']);
      expect((await forgot(user.username)).body).toBe(ACCEPTED); // the owner, from their own address
      const rows = await emailsOf(user, 4);
      expect(rows).toHaveLength(4);
      expect((await reset(linkToken(rows[3]!), 'Mon-propre-lien-2')).status).toBe(204);
    });
  });

  it('sends at most 3 "already registered" notices per account per hour, whoever asks, and still answers 202', async () => {
    const user = await createUser(ctx, 'cegepdeseptiles');
    for (let i = 0; i < 5; i += 1) expect((await enrol(user.username)).body).toBe(ACCEPTED);
    await waitFor(
      () => auditEvents(ctx, user.tenantId, 'enrolment.requested'),
      (e) => e.filter((x) => x.targetId === user.id).length >= 5,
    );
    expect((await outboxRows(ctx, { userId: user.id })).map((r) => r.kind)).toEqual([
      'already-enrolled',
      'already-enrolled',
      'already-enrolled',
    ]);
    const throttled = (await auditEvents(ctx, user.tenantId, 'enrolment.requested')).filter(
      (e) => e.targetId === user.id && e.after?.outcome === 'throttled',
    );
    expect(throttled).toHaveLength(2);
  });

  it('20 concurrent resets with one token: exactly one succeeds', async () => {
    const user = await createUser(ctx, 'cegepdeseptiles');
    await forgot(user.username);
    const token = linkToken((await emailsOf(user, 1))[0]!);
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) => reset(token, `Concurrent-choice-${i}x`)),
    );
    expect(replies.filter((r) => r.status === 204)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 400 && r.body === INVALID_TOKEN)).toHaveLength(19);
    const winner = replies.findIndex((r) => r.status === 204);
    expect(await argon2Verify((await passwordHash(user.id))!, `Concurrent-choice-${winner}x`)).toBe(
      true,
    );
    expect(
      (await outboxRows(ctx, { userId: user.id })).filter((r) => r.kind === 'password-changed'),
    ).toHaveLength(1);
  });

  it('a malformed token (missing, null, empty, array, object, number, 10 kB) gets the same 400 and changes nothing', async () => {
    const user = await createUser(ctx, 'cegepdeseptiles');
    const before = await passwordHash(user.id);
    // A pending token exists, so a lookup that ignored an undefined condition would find it.
    await forgot(user.username);
    await emailsOf(user, 1);
    const bodies: unknown[] = [
      { password: 'Valid-new-pass-1' },
      { token: null, password: 'Valid-new-pass-1' },
      { token: '', password: 'Valid-new-pass-1' },
      { token: ['a', 'b'], password: 'Valid-new-pass-1' },
      { token: { $ne: null }, password: 'Valid-new-pass-1' },
      { token: 12345, password: 'Valid-new-pass-1' },
      { token: 'A'.repeat(10_240), password: 'Valid-new-pass-1' },
      { token: 'A'.repeat(43), password: 'Valid-new-pass-1' }, // well-formed, unknown
      { token: `${'A'.repeat(42)}=`, password: 'Valid-new-pass-1' },
    ];
    for (const body of bodies) {
      const res = await post(CEGEP, '/api/v1/password/reset', body);
      expect(res.status).toBe(400);
      expect(res.body).toBe(INVALID_TOKEN);
    }
    expect(await passwordHash(user.id)).toBe(before);
    const [{ open }] = await ctx.dataSource.query<{ open: number }[]>(
      `SELECT count(*)::int AS open FROM action_tokens WHERE user_id = $1 AND consumed_at IS NULL AND voided_at IS NULL`,
      [user.id],
    );
    expect(open).toBe(1);
  });

  it('an expired token is refused', async () => {
    const user = await createUser(ctx, 'cegepdeseptiles');
    await forgot(user.username);
    const [row] = await emailsOf(user, 1);
    await ctx.dataSource.query(
      `UPDATE action_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [row!.actionTokenId],
    );
    expect((await reset(linkToken(row!), 'Valid-new-pass-1')).body).toBe(INVALID_TOKEN);
  });

  it('a token of one tenant is refused on another', async () => {
    const user = await createUser(ctx, 'cegepdeseptiles', { username: 'mora1234' });
    await createUser(ctx, 'monteregie', { username: 'mora1234' });
    await forgot('mora1234');
    const token = linkToken((await emailsOf(user, 1))[0]!);
    const before = await passwordHash(user.id);
    expect((await reset(token, 'Other-tenant-pw-1', MONTEREGIE)).body).toBe(INVALID_TOKEN);
    expect(await passwordHash(user.id)).toBe(before);
    expect((await reset(token, 'Right-tenant-pw-1', CEGEP)).status).toBe(204);
  });

  it('refuses a password against the policy with coded violations in the request language, and the token stays usable', async () => {
    const user = await createUser(ctx, 'cegepdeseptiles', { username: 'lavm' });
    await forgot(user.username);
    const token = linkToken((await emailsOf(user, 1))[0]!);
    const fr = await reset(token, 'Zq7xkw', CEGEP, {
      'accept-language': 'fr-CA,fr;q=0.9,en;q=0.5',
    });
    expect(fr.status).toBe(400);
    const body = fr.json<{
      error: string;
      message: string;
      violations: { code: string; message: string }[];
    }>();
    expect(body.error).toBe('password_policy');
    expect(body.message).toEqual(expect.any(String));
    expect(body.violations.map((v) => v.code)).toEqual(['too_short']);
    expect(body.violations[0]!.message).toMatch(/10/);
    const en = await post(CEGEP, '/api/v1/password/reset', {
      token,
      password: 'lavm-password',
      locale: 'en',
    });
    expect(en.json<{ violations: { code: string }[] }>().violations.map((v) => v.code)).toEqual([
      'contains_username',
    ]);
    expect(
      (await reset(token, 'motdepasse'))
        .json<{ violations: { code: string }[] }>()
        .violations.map((v) => v.code),
    ).toEqual(['common_password']);
    // The current password is in the history (the Cégep keeps 3).
    expect(
      (await reset(token, user.password!))
        .json<{ violations: { code: string }[] }>()
        .violations.map((v) => v.code),
    ).toEqual(['reused']);
    const pt = await reset(token, '1234567890', CEGEP, { 'accept-language': 'pt' });
    expect(
      pt.json<{ violations: { code: string; message: string }[] }>().violations.map((v) => v.code),
    ).toEqual(['missing_letter', 'common_password']);
    expect(fr.json<{ violations: { message: string }[] }>().violations[0]!.message).not.toBe(
      en.json<{ violations: { message: string }[] }>().violations[0]!.message,
    );
    expect((await reset(token, 'Une-phrase-de-passe-solide')).status).toBe(204);
  });

  it('a reset sets the password, revokes every session (remember-me included), sends the notice and audits', async () => {
    const user = await createUser(ctx, 'cegepdeseptiles');
    const persistent = await login(user.username, user.password!, CEGEP, 'all');
    const sessionOnly = await login(user.username, user.password!, CEGEP, 'none');
    const access = persistent.json<LoginResponse>().accessToken;
    expect(
      (
        await ctx.request(CEGEP, {
          path: '/api/v1/me',
          headers: { cookie: cookieHeader(persistent) },
        })
      ).status,
    ).toBe(200);

    await forgot(user.username);
    const token = linkToken((await emailsOf(user, 1))[0]!);
    expect(
      (await reset(token, 'Tout-nouveau-secret-42', CEGEP, { 'accept-language': 'en' })).status,
    ).toBe(204);

    for (const res of [persistent, sessionOnly]) {
      expect(
        (
          await ctx.request(CEGEP, {
            method: 'POST',
            path: '/api/v1/auth/refresh',
            headers: { cookie: cookieHeader(res) },
          })
        ).status,
      ).toBe(401);
      expect(
        (await ctx.request(CEGEP, { path: '/api/v1/me', headers: { cookie: cookieHeader(res) } }))
          .status,
      ).toBe(401);
    }
    expect(
      (
        await ctx.request(CEGEP, {
          path: '/api/v1/me',
          headers: { authorization: `Bearer ${access}` },
        })
      ).status,
    ).toBe(401);
    expect((await login(user.username, user.password!)).status).toBe(401);
    const fresh = await login(user.username, 'Tout-nouveau-secret-42');
    expect(fresh.status).toBe(200); // no automatic sign-in after a reset: the reset itself set no cookie

    const rows = await emailsOf(user, 2);
    const notice = rows.find((r) => r.kind === 'password-changed')!;
    expect(notice).toMatchObject({
      recipient: user.email,
      tokenCiphertext: null,
      payload: { locale: 'en', data: { username: user.username } },
    });
    const audit = (await auditEvents(ctx, user.tenantId, 'password.reset')).find(
      (e) => e.targetId === user.id,
    )!;
    expect(audit.after).toMatchObject({ sessionsRevoked: 2 });
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it('the reset reply sets no cookie (no automatic sign-in)', async () => {
    const user = await createUser(ctx, 'cegepdeseptiles');
    await forgot(user.username);
    const res = await reset(linkToken((await emailsOf(user, 1))[0]!), 'Encore-un-secret-77');
    expect(res.status).toBe(204);
    expect(res.cookies).toEqual([]);
  });

  describe('recipient integrity', () => {
    it('refuses a username array or an extra email field: no email at all', async () => {
      const user = await createUser(ctx, 'cegepdeseptiles');
      for (const body of [
        { username: [user.username, 'other'] },
        { username: user.username, email: 'attacker@evil.example' },
        { username: user.username, recipient: 'x@evil.example' },
      ]) {
        for (const path of ['/api/v1/password/forgot', '/api/v1/enrollment']) {
          const res = await post(CEGEP, path, body);
          expect(res.status).toBe(400);
          expect(res.json()).toMatchObject({ error: 'invalid_body' });
        }
      }
      // A valid request after the refused ones: once its work is done (its audit event), any
      // work a refused request had started would be done too, and it is the only one there is.
      expect((await forgot(user.username)).status).toBe(202);
      const requested = await waitFor(
        async () =>
          (await auditEvents(ctx, user.tenantId, 'recovery.requested')).filter(
            (e) => e.targetId === user.id,
          ),
        (events) => events.length >= 1,
      );
      expect(requested).toHaveLength(1);
      expect((await outboxRows(ctx, { userId: user.id })).map((r) => r.recipient)).toEqual([
        user.email,
      ]);
    });

    it('sends to the stored address only, once, whatever look-alike of the username comes in', async () => {
      const user = await createUser(ctx, 'cegepdeseptiles', {
        username: 'trep',
        email: 'pierre.tremblay@cegepsi.ca',
      });
      const variants = [
        'trеp' /* Cyrillic е */,
        'ｔｒｅｐ' /* full width */,
        'tre\u0301p',
        'trep\u200b',
        'TREP',
        ' trep ',
      ];
      const requestedBefore = (await auditEvents(ctx, user.tenantId, 'recovery.requested')).length;
      for (const username of variants) expect((await forgot(username)).body).toBe(ACCEPTED);
      // Every accepted request is audited when its work ends (sent, kept, throttled or unknown).
      await waitFor(
        async () => (await auditEvents(ctx, user.tenantId, 'recovery.requested')).length,
        (n) => n >= requestedBefore + variants.length,
      );
      const rows = await outboxRows(ctx, { tenantId: user.tenantId });
      const mine = rows.filter((r) => r.userId === user.id);
      expect(mine.length).toBeLessThanOrEqual(3); // the hourly cap bounds it; case and spaces fold to the same account
      expect(mine.length).toBeGreaterThanOrEqual(1);
      expect(new Set(mine.map((r) => r.recipient))).toEqual(
        new Set(['pierre.tremblay@cegepsi.ca']),
      );
      expect(rows.filter((r) => r.recipient.includes('evil') || r.userId === null)).toEqual([]);
    });
  });

  describe('links come from the tenant URL, never from the request', () => {
    it('ignores Host-like headers: the outbox carries nothing from them and the link is the tenant URL', async () => {
      const user = await createUser(ctx, 'cegepdeseptiles');
      const untrusting = await ctx.startApi({ TRUSTED_PROXIES: '' });
      const res = await ctx.request(
        CEGEP,
        {
          method: 'POST',
          path: '/api/v1/password/forgot',
          body: { username: user.username },
          headers: {
            'x-forwarded-host': 'evil.example',
            forwarded: 'host=evil.example;proto=https',
            'x-forwarded-proto': 'https',
          },
        },
        untrusting,
      );
      expect(res.status).toBe(202);
      const [row] = await emailsOf(user, 1);
      expect(JSON.stringify(row)).not.toContain('evil');
      expect(await linkOf(row!)).toBe(
        `http://cegepdeseptiles.localhost:3000/reset-password?token=${linkToken(row!)}`,
      );

      // Behind a trusted proxy, a forwarded host that is no portal gets nothing at all.
      const forwarded = await forgot(user.username, CEGEP, { 'x-forwarded-host': 'evil.example' });
      expect(forwarded.status).toBe(404);
      await untrusting.stop();
    });

    it('a request through a custom domain of the tenant still gets the configured public URL', async () => {
      const tid = await tenantId(ctx, 'monteregie');
      await ctx.dataSource.query(
        `INSERT INTO tenant_hosts (tenant_id, host_name, is_primary) VALUES ($1, 'motdepasse.santemonteregie.qc.ca', false)`,
        [tid],
      );
      await ctx.publishTenantChange(tid);
      const user = await createUser(ctx, 'monteregie', { username: 'cust1234' });
      // 404 until the process knows the new host (no work is done for it); then 202.
      const accepted = await waitFor(
        () => forgot('cust1234', 'motdepasse.santemonteregie.qc.ca'),
        (res) => res.status !== 404,
      );
      expect(accepted.status).toBe(202);
      const [row] = await emailsOf(user, 1);
      expect(JSON.stringify(row)).not.toContain('santemonteregie');
      expect(await linkOf(row!)).toMatch(
        /^http:\/\/monteregie\.localhost:3000\/reset-password\?token=[\w-]{43}$/,
      );
    });
  });

  it('features switched off: 403 with a clear message', async () => {
    const tid = await tenantId(ctx, 'monteregie');
    await setTenantSettings(ctx, tid, { 'features.enrolment': false });
    // 202 until the process has the new settings; then the refusal.
    const res = await waitFor(
      () => enrol('anyo1234', MONTEREGIE),
      (r) => r.status !== 202,
    );
    expect(res.status).toBe(403);
    expect(res.json()).toEqual({
      error: 'feature_disabled',
      message: 'Self-enrolment is not offered on this portal.',
    });
    await setTenantSettings(ctx, tid, { 'features.enrolment': true });
  });
});
