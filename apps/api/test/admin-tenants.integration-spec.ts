import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Encryptor } from '@guichet/platform';
import {
  DEFAULT_PASSWORD_POLICY,
  type PasswordPolicyTestResponse,
  type PublicTenant,
  type SmtpSettingsView,
  type TemplateErrorBody,
  type TemplateListItem,
  type TemplatePreviewResponse,
  type TemplateView,
  type TenantDetail,
  type UsernameRuleTestResponse,
} from '@guichet/types';
import { createUser } from './factories/users.js';
import { type AdminClient, auditRows, signInCegepAdmin, startAdminSuite } from './support/admin.js';
import { outboxRows, queuedJobs } from './support/outbox.js';
import type { RunningProcess } from '@guichet/testing';
import {
  CEGEP,
  MONTEREGIE,
  TEST_DATA_ENCRYPTION_KEY,
  type TestContext,
} from './support/test-app.js';

describe('admin API: tenants, hosts, settings, rule tests, SMTP and email templates', () => {
  let ctx: TestContext;
  let platform: AdminClient;
  /** Tenant admin of the Cégep. */
  let cegepAdmin: AdminClient;
  let cegep: string;
  let monteregie: string;

  beforeAll(async () => {
    const suite = await startAdminSuite();
    ({ ctx, platform, cegep, monteregie } = suite);
    cegepAdmin = await signInCegepAdmin(suite);
  });
  afterAll(() => ctx.close());

  const portal = (host: string, api?: RunningProcess) =>
    ctx.request(host, { path: '/api/v1/tenant' }, api);
  const version = async (tid: string) =>
    (
      await ctx.dataSource.query<{ version: number }[]>(
        'SELECT version FROM tenant_settings WHERE tenant_id = $1',
        [tid],
      )
    )[0]!.version;
  /** Polls the portal until `accept` holds; returns how long it took. */
  const untilPortal = async (
    host: string,
    accept: (status: number, body: string) => boolean,
    timeoutMs = 1000,
    api?: RunningProcess,
  ) => {
    const started = Date.now();
    for (;;) {
      const res = await portal(host, api);
      if (accept(res.status, res.body)) return Date.now() - started;
      if (Date.now() - started > timeoutMs)
        throw new Error(
          `${host} still answers ${res.status} ${res.body.slice(0, 200)} after ${timeoutMs} ms`,
        );
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  it('creates a tenant (platform admins): default settings, the host {slug}.localhost whose portal answers at once, audited as a platform event', async () => {
    // The API has already cached this host as unknown: the creation must clear that.
    expect((await portal('cegepdegaspesie.localhost:3000')).status).toBe(404);
    const res = await platform.request('POST', '/tenants', {
      slug: 'cegepdegaspesie',
      name: 'Cégep de la Gaspésie et des Îles',
      defaultLocale: 'fr',
    });
    expect(res.status).toBe(201);
    const tenant = res.json<TenantDetail>();
    expect(tenant).toMatchObject({
      slug: 'cegepdegaspesie',
      name: 'Cégep de la Gaspésie et des Îles',
      publicUrl: 'http://cegepdegaspesie.localhost:3000',
      hostNames: ['cegepdegaspesie.localhost'],
      status: 'active',
      version: 1,
      smtp: { usingPlatformDefault: true, passwordSet: false },
    });
    expect(tenant.settings.passwordPolicy).toMatchObject({
      minLength: 12,
      denyCommon: true,
      disallowUsername: true,
    });
    await untilPortal('cegepdegaspesie.localhost:3000', (status) => status === 200, 200);
    expect((await portal('cegepdegaspesie.localhost:3000')).json<PublicTenant>()).toMatchObject({
      slug: 'cegepdegaspesie',
      name: 'Cégep de la Gaspésie et des Îles',
      defaultLocale: 'fr',
    });

    const taken = await platform.request('POST', '/tenants', {
      slug: 'cegepdegaspesie',
      name: 'Again',
    });
    expect(taken.status).toBe(409);
    expect(taken.json()).toMatchObject({
      error: 'slug_taken',
      fields: { slug: ['already taken'] },
    });
    const invalid = await platform.request('POST', '/tenants', { slug: 'Bad Slug!', name: '' });
    expect(invalid.status).toBe(400);
    expect(Object.keys(invalid.json<{ fields: object }>().fields).sort()).toEqual(['name', 'slug']);
    expect(
      (await platform.request('POST', '/tenants', { slug: 'admin', name: 'Reserved' })).status,
    ).toBe(400);
    expect(
      (await cegepAdmin.request('POST', '/tenants', { slug: 'mine', name: 'Mine' })).status,
    ).toBe(403);

    const [event] = await auditRows(ctx, null, 'tenant.created');
    expect(event).toMatchObject({
      actorType: 'admin',
      targetId: tenant.id,
      before: null,
      after: { slug: 'cegepdegaspesie', hostNames: ['cegepdegaspesie.localhost'] },
    });
    expect((await platform.get(`/tenants/${tenant.id}`)).json<TenantDetail>().id).toBe(tenant.id);
  });

  it('renames, disables and re-enables a tenant, adds and removes host names (platform admins); portals follow within a second', async () => {
    const renamed = await platform.request('PATCH', `/tenants/${monteregie}`, {
      name: 'CISSS de la Montérégie-Centre',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.json<TenantDetail>().name).toBe('CISSS de la Montérégie-Centre');
    await untilPortal(MONTEREGIE, (_s, body) => body.includes('Montérégie-Centre'));

    await platform.request('PATCH', `/tenants/${monteregie}`, { status: 'disabled' });
    await untilPortal(MONTEREGIE, (status) => status === 404);
    await platform.request('PATCH', `/tenants/${monteregie}`, { status: 'active' });
    await untilPortal(MONTEREGIE, (status) => status === 200);

    expect((await portal('portail.cisssmc.test')).status).toBe(404);
    const added = await platform.request('POST', `/tenants/${monteregie}/hosts`, {
      hostName: 'Portail.CISSSMC.test',
    });
    expect(added.status).toBe(201);
    expect(added.json<TenantDetail>().hostNames).toEqual([
      'monteregie.localhost',
      'portail.cisssmc.test',
    ]);
    await untilPortal(
      'portail.cisssmc.test',
      (status, body) => status === 200 && body.includes('"slug":"monteregie"'),
    );

    const taken = await platform.request('POST', `/tenants/${monteregie}/hosts`, {
      hostName: 'cegepdeseptiles.localhost',
    });
    expect(taken.status).toBe(409);
    expect(taken.json()).toMatchObject({ error: 'host_taken' });
    expect(
      (
        await platform.request('POST', `/tenants/${monteregie}/hosts`, {
          hostName: 'admin.localhost',
        })
      ).status,
    ).toBe(409);
    expect(
      (await platform.request('POST', `/tenants/${monteregie}/hosts`, { hostName: 'not a host!' }))
        .status,
    ).toBe(400);

    expect(
      (
        await platform.request('DELETE', `/tenants/${monteregie}/hosts/portail.cisssmc.test`)
      ).json<TenantDetail>().hostNames,
    ).toEqual(['monteregie.localhost']);
    await untilPortal('portail.cisssmc.test', (status) => status === 404);
    expect(
      (await platform.request('DELETE', `/tenants/${monteregie}/hosts/monteregie.localhost`))
        .status,
    ).toBe(409);
    expect(
      (await platform.request('DELETE', `/tenants/${monteregie}/hosts/nowhere.test`)).status,
    ).toBe(404);
    expect((await auditRows(ctx, monteregie)).map((e) => e.action)).toEqual([
      'tenant.updated',
      'tenant.updated',
      'tenant.updated',
      'tenant.host.added',
      'tenant.host.removed',
    ]);
    expect((await auditRows(ctx, monteregie, 'tenant.updated'))[0]).toMatchObject({
      before: { name: 'CISSS de la Montérégie' },
      after: { name: 'CISSS de la Montérégie-Centre' },
    });
  });

  it('a tenant admin changes the colour and the welcome text: every API process shows them within a second, audited with before/after', async () => {
    // A second API process with the Cégep already in its cache: it learns of the change through Redis.
    const other = await ctx.startApi();
    expect((await portal(CEGEP, other)).status).toBe(200);
    const before = (await cegepAdmin.get(`/tenants/${cegep}`)).json<TenantDetail>();
    const branding = { ...before.settings.branding, primaryColor: '#123456' };
    const started = Date.now();
    const res = await cegepAdmin.request('PATCH', `/tenants/${cegep}/settings`, {
      branding,
      texts: { fr: { ...before.settings.texts.fr, welcomeTitle: 'Bienvenue au Cégep!' } },
    });
    expect(res.status).toBe(200);
    const after = res.json<TenantDetail>();
    expect(after.version).toBe(before.version + 1);
    expect(after.settings.branding.primaryColor).toBe('#123456');
    // Other locales' texts are untouched.
    expect(after.settings.texts.en).toEqual(before.settings.texts.en);
    await untilPortal(
      CEGEP,
      (_s, body) => body.includes('#123456') && body.includes('Bienvenue au Cégep!'),
      1000,
    );
    await untilPortal(
      CEGEP,
      (_s, body) => body.includes('#123456') && body.includes('Bienvenue au Cégep!'),
      1000,
      other,
    );
    expect(Date.now() - started).toBeLessThan(1000);
    await other.stop();

    const [event] = await auditRows(ctx, cegep, 'settings.updated');
    expect(event!.actorType).toBe('admin');
    expect(Object.keys(event!.before!).sort()).toEqual(['branding', 'texts']);
    expect(event!.before).toMatchObject({
      branding: { primaryColor: before.settings.branding.primaryColor },
      texts: { fr: { welcomeTitle: before.settings.texts.fr.welcomeTitle } },
    });
    expect(event!.after).toMatchObject({
      branding: { primaryColor: '#123456' },
      texts: { fr: { welcomeTitle: 'Bienvenue au Cégep!' } },
    });

    // The same values again: nothing changes, nothing is audited.
    await cegepAdmin.request('PATCH', `/tenants/${cegep}/settings`, { branding });
    expect(await version(cegep)).toBe(after.version);
  });

  it('refuses invalid settings with a 400 naming the field, and writes nothing', async () => {
    const v = await version(cegep);
    const cases: [unknown, string][] = [
      [{ allowedNetworks: ['10.0.0.0/8', '10.0.0.0/33'] }, 'allowedNetworks.1'],
      [{ allowedNetworks: ['intranet'] }, 'allowedNetworks.0'],
      [{ features: { enrolment: true } }, 'features.forgotPassword'],
      [{ defaultLocale: 'pt', locales: ['fr', 'en'] }, 'defaultLocale'],
      [
        {
          branding: {
            primaryColor: 'blue',
            accentColor: '#000000',
            logoUrl: null,
            faviconUrl: null,
          },
        },
        'branding.primaryColor',
      ],
      [
        { usernameRule: { kind: 'pattern', pattern: '([a-z', example: 'x' } },
        'usernameRule.pattern',
      ],
      [
        {
          tokenLifetimes: {
            resetMinutes: 1,
            enrolmentMinutes: 60,
            accessMinutes: 10,
            refreshDays: 30,
          },
        },
        'tokenLifetimes.resetMinutes',
      ],
      [{ colour: 'red' }, '_'],
      [{}, '_'],
    ];
    for (const [body, field] of cases) {
      const res = await cegepAdmin.request('PATCH', `/tenants/${cegep}/settings`, body);
      expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), 400]);
      expect(Object.keys(res.json<{ fields: object }>().fields)).toContain(field);
    }
    const policy = (await cegepAdmin.get(`/tenants/${cegep}`)).json<TenantDetail>().settings
      .passwordPolicy;
    const weak = await cegepAdmin.request(
      'PATCH',
      `/tenants/${cegep}/settings`,
      { passwordPolicy: { ...policy, minLength: 3, denyCommon: false } },
      { 'accept-language': 'fr' },
    );
    expect(weak.status).toBe(400);
    expect(weak.json()).toMatchObject({
      error: 'policy_below_floor',
      fields: {
        'passwordPolicy.minLength': [expect.stringMatching(/4/)],
        'passwordPolicy.denyCommon': [expect.any(String)],
      },
    });
    expect(await version(cegep)).toBe(v);
    expect((await auditRows(ctx, cegep, 'settings.updated')).length).toBe(1);

    const ok = await cegepAdmin.request('PATCH', `/tenants/${cegep}/settings`, {
      allowedNetworks: ['10.20.0.0/16', '2001:db8::/32'],
      features: { enrolment: true, forgotPassword: true, lookup: true, teamsTab: true },
      tokenLifetimes: { resetMinutes: 30, enrolmentMinutes: 120, accessMinutes: 5, refreshDays: 7 },
      email: {
        senderAddress: 'supportTI@cegepsi.ca',
        senderName: 'Support TI',
        replyTo: 'aide@cegepsi.ca',
      },
      postLoginUrl: 'https://intranet.cegepsi.ca/',
      locales: ['fr', 'en'],
    });
    expect(ok.status).toBe(200);
    expect(ok.json<TenantDetail>().settings).toMatchObject({
      allowedNetworks: ['10.20.0.0/16', '2001:db8::/32'],
      locales: ['fr', 'en'],
      postLoginUrl: 'https://intranet.cegepsi.ca/',
    });
    await untilPortal(
      CEGEP,
      (_s, body) => body.includes('"lookup":true') && body.includes('"locales":["fr","en"]'),
    );
  });

  it('tests a username rule on names: derived usernames with suffixes against existing accounts and earlier rows, errors in the admin’s language', async () => {
    await createUser(ctx, 'cegepdeseptiles', {
      username: 'trej',
      firstName: 'Jean',
      lastName: 'Tremblay',
    });
    const res = await cegepAdmin.request(
      'POST',
      `/tenants/${cegep}/username-rule/test`,
      {
        names: [
          { lastName: 'Tremblay', firstName: 'Jean' },
          { lastName: 'Tremblay', firstName: 'Julie' },
          { lastName: 'Lê', firstName: 'Anne' },
          { lastName: "D'Amours", firstName: 'Émilie' },
          { lastName: '123', firstName: 'X' },
        ],
      },
      { 'accept-language': 'fr-CA,fr;q=0.9' },
    );
    expect(res.status).toBe(200);
    const body = res.json<UsernameRuleTestResponse>();
    expect(body.rule).toMatchObject({
      kind: 'name-derived',
      lastNameLetters: 3,
      firstNameLetters: 1,
    });
    expect(body.usernames.map((r) => [r.username, r.suffixed])).toEqual([
      ['trej2', true],
      ['trej3', true],
      ['lean', false],
      ['dame', false],
      [null, false],
    ]);
    expect(body.usernames[4]!.error).toEqual({
      code: 'last_name_unusable',
      message: expect.stringMatching(/nom/i),
    });

    const draft = await cegepAdmin.request('POST', `/tenants/${cegep}/username-rule/test`, {
      rule: { kind: 'pattern', pattern: '[a-z]{4}\\d{4}', example: 'gama1234' },
      names: [
        { lastName: 'Gagnon', firstName: 'Marie', username: 'gama1234' },
        { lastName: 'Gagnon', firstName: 'Marie', username: 'gagnonm' },
        { lastName: 'Gagnon', firstName: 'Marie' },
      ],
    });
    expect(
      draft.json<UsernameRuleTestResponse>().usernames.map((r) => r.username ?? r.error!.code),
    ).toEqual(['gama1234', 'username_pattern_mismatch', 'username_required']);
    expect(
      (await cegepAdmin.request('POST', `/tenants/${cegep}/username-rule/test`, { names: [] }))
        .status,
    ).toBe(400);
  });

  it('tests a password against the policy, with warnings where the policy is weaker than NIST guidance (or under the floor), in French or English', async () => {
    // Montérégie: « au moins 4 caractères, un chiffre et une lettre »
    const admin = platform;
    const fr = await admin.request(
      'POST',
      `/tenants/${monteregie}/password-policy/test`,
      { password: 'abc', username: 'gama1234' },
      { 'accept-language': 'fr' },
    );
    expect(fr.status).toBe(200);
    const body = fr.json<PasswordPolicyTestResponse>();
    expect(body.ok).toBe(false);
    expect(body.violations.map((v) => v.code)).toEqual(['too_short', 'missing_digit']);
    expect(body.violations[0]!.message).toMatch(/au moins 4 caractères/);
    expect(body.warnings.map((w) => [w.code, w.severity])).toEqual(
      expect.arrayContaining([
        ['min_length_under_8', 'warning'],
        ['composition_rules', 'info'],
      ]),
    );
    expect(body.rules.length).toBeGreaterThan(0);

    const en = (
      await admin.request(
        'POST',
        `/tenants/${monteregie}/password-policy/test`,
        { password: 'gama1234x', username: 'gama1234' },
        { 'accept-language': 'en' },
      )
    ).json<PasswordPolicyTestResponse>();
    expect(en.violations.map((v) => v.code)).toEqual(['contains_username']);
    expect(en.warnings.find((w) => w.code === 'min_length_under_8')!.message).toMatch(/NIST|8/);

    const draft = (
      await admin.request('POST', `/tenants/${monteregie}/password-policy/test`, {
        password: 'correct horse battery staple',
        policy: { ...DEFAULT_PASSWORD_POLICY, minLength: 15 },
      })
    ).json<PasswordPolicyTestResponse>();
    expect(draft).toMatchObject({ ok: true, violations: [], warnings: [] });
    const under = (
      await admin.request('POST', `/tenants/${monteregie}/password-policy/test`, {
        password: 'x',
        policy: {
          minLength: 1,
          maxLength: 16,
          requireDigit: false,
          requireLetter: false,
          requireUpper: false,
          requireLower: false,
          requireSymbol: false,
          disallowUsername: false,
          denyCommon: false,
          historyCount: 0,
        },
      })
    ).json<PasswordPolicyTestResponse>();
    expect(
      under.warnings
        .filter((w) => w.severity === 'error')
        .map((w) => w.code)
        .sort(),
    ).toEqual([
      'deny_common_required',
      'disallow_username_required',
      'max_length_below_floor',
      'min_length_below_floor',
    ]);
  });

  it('keeps SMTP settings with the password encrypted and never returned; sends a test email through the outbox', async () => {
    expect((await cegepAdmin.get(`/tenants/${cegep}/smtp`)).json<SmtpSettingsView>()).toMatchObject(
      {
        usingPlatformDefault: true,
        host: null,
        passwordSet: false,
        fromAddress: 'supportTI@cegepsi.ca',
      },
    );
    const put = await cegepAdmin.request('PUT', `/tenants/${cegep}/smtp`, {
      host: 'smtp.cegepsi.ca',
      port: 587,
      secure: false,
      username: 'guichet',
      password: 'S3cret-smtp-password',
      fromName: 'Centre de services TI',
    });
    expect(put.status).toBe(200);
    expect(put.body).not.toContain('S3cret-smtp-password');
    expect(put.json<SmtpSettingsView>()).toEqual({
      usingPlatformDefault: false,
      host: 'smtp.cegepsi.ca',
      port: 587,
      secure: false,
      username: 'guichet',
      passwordSet: true,
      fromAddress: 'supportTI@cegepsi.ca',
      fromName: 'Centre de services TI',
      replyTo: 'aide@cegepsi.ca',
    });
    const [row] = await ctx.dataSource.query<{ smtp: { passwordCiphertext: string } }[]>(
      'SELECT smtp FROM tenant_settings WHERE tenant_id = $1',
      [cegep],
    );
    expect(row!.smtp.passwordCiphertext).not.toContain('S3cret');
    expect(new Encryptor(TEST_DATA_ENCRYPTION_KEY).decrypt(row!.smtp.passwordCiphertext)).toBe(
      'S3cret-smtp-password',
    );

    // Password omitted, same server and user: kept (another host drops it, tenant-smtp.integration-spec).
    const again = await cegepAdmin.request('PUT', `/tenants/${cegep}/smtp`, {
      host: 'smtp.cegepsi.ca',
      port: 587,
      secure: true,
    });
    expect(again.json<SmtpSettingsView>()).toMatchObject({
      host: 'smtp.cegepsi.ca',
      secure: true,
      passwordSet: true,
      username: 'guichet',
    });
    const detail = await cegepAdmin.get(`/tenants/${cegep}`);
    expect(detail.json<TenantDetail>().smtp).toMatchObject({
      host: 'smtp.cegepsi.ca',
      passwordSet: true,
    });
    expect(detail.body).not.toMatch(/S3cret|passwordCiphertext|v1\./);
    expect(
      (
        await cegepAdmin.request('PUT', `/tenants/${cegep}/smtp`, {
          host: 'smtp.cegepsi.ca',
          port: 70000,
          secure: 'no',
        })
      ).status,
    ).toBe(400);

    const audit = await auditRows(ctx, cegep, 'smtp.updated');
    expect(audit[0]).toMatchObject({
      before: { usingPlatformDefault: true },
      after: { host: 'smtp.cegepsi.ca', passwordSet: true, passwordChanged: true },
    });
    expect(JSON.stringify(audit)).not.toMatch(/S3cret|v1\./);

    const removed = await cegepAdmin.request('DELETE', `/tenants/${cegep}/smtp`);
    expect(removed.json<SmtpSettingsView>()).toMatchObject({
      usingPlatformDefault: true,
      passwordSet: false,
      fromName: 'Centre de services TI',
    });

    // The test email goes to the admin's own address (no other: tenant-smtp.integration-spec).
    const test = await cegepAdmin.request('POST', `/tenants/${cegep}/smtp/test`);
    expect(test.status).toBe(202);
    const { deliveryId } = test.json<{ deliveryId: string }>();
    const rows = await outboxRows(ctx, { tenantId: cegep });
    expect(rows.find((r) => r.id === deliveryId)).toMatchObject({
      kind: 'test-email',
      recipient: 'ti@cegepsi.ca',
      payload: { data: { requestedBy: 'ti@cegepsi.ca' }, locale: 'fr' },
    });
    expect((await queuedJobs(ctx)).some((j) => j.data.outboxId === deliveryId)).toBe(true);
  });

  it('edits email templates: a syntax error is a 400 naming the line, a valid one is saved, previewed with the tenant branding, then reset to the default', async () => {
    /** PUT / POST …/preview of one template (`kind/locale`) of the Cégep. */
    const save = (body: unknown, template = 'password-reset/fr') =>
      cegepAdmin.request('PUT', `/tenants/${cegep}/templates/${template}`, body);
    const previewOf = (body: unknown, template = 'password-reset/fr') =>
      cegepAdmin.request('POST', `/tenants/${cegep}/templates/${template}/preview`, body);
    const list = (await cegepAdmin.get(`/tenants/${cegep}/templates`)).json<TemplateListItem[]>();
    // The Cégep now has fr and en (set above): 6 kinds × 2 languages.
    expect(list).toHaveLength(12);
    expect(list.every((t) => !t.overridden)).toBe(true);
    const original = (
      await cegepAdmin.get(`/tenants/${cegep}/templates/password-reset/fr`)
    ).json<TemplateView>();
    expect(original).toMatchObject({
      kind: 'password-reset',
      locale: 'fr',
      overridden: false,
      updatedAt: null,
    });
    expect(original.variables).toEqual(
      expect.arrayContaining(['link', 'username', 'expiresInMinutes']),
    );
    expect(original.html).toContain('{{');

    const broken = await save({
      subject: 'Réinitialiser votre mot de passe',
      html: '<p>Bonjour {{recipientName}},</p>\n<p>Votre lien :</p>\n<p>{{#if link}}<a href="{{link}}">ici</a></p>\n',
      text: 'Bonjour {{recipientName}}\n{{link}}\n',
    });
    expect(broken.status).toBe(400);
    const error = broken.json<TemplateErrorBody>();
    expect(error).toMatchObject({ error: 'invalid_template', part: 'html', line: 3 });
    expect(error.message).toMatch(/line 3/);
    expect(error.fields!.html![0]).toMatch(/^line 3: /);
    const unknownHelper = await save({
      subject: 'Sujet',
      html: '<p>ok</p>',
      text: 'ligne 1\n{{lookup this "constructor"}}\n',
    });
    expect(unknownHelper.json<TemplateErrorBody>()).toMatchObject({ part: 'text', line: 2 });
    expect(
      (
        await save({
          subject: '',
          html: '<p>x</p>',
          text: 'x',
        })
      ).json(),
    ).toMatchObject({ part: 'subject' });
    // The link (its token) may not be handed to a third party: only <a href="{{link}}">, or a text line of its own.
    const leak = await save({
      subject: 'Sujet',
      html: '<p>Bonjour</p>\n<img src="https://x.example/?{{link}}" alt="">\n<a href="{{link}}">ici</a>',
      text: '{{link}}',
    });
    expect(leak.status).toBe(400);
    expect(leak.json<TemplateErrorBody>()).toMatchObject({
      error: 'invalid_template',
      part: 'html',
      line: 2,
    });
    expect(leak.json<TemplateErrorBody>().message).toBe(
      'The html template has an error on line 2: {{link}} is only allowed as the href of a link, <a href="{{link}}">…</a>, or as the text of that link',
    );
    const textLeak = await save({
      subject: 'Sujet',
      html: '<a href="{{link}}">ici</a>',
      text: 'Bonjour\nhttps://x.example/?t={{link}}',
    });
    expect(textLeak.json<TemplateErrorBody>()).toMatchObject({ part: 'text', line: 2 });
    expect((await auditRows(ctx, cegep, 'template.updated')).length).toBe(0);

    const v = await version(cegep);
    const custom = {
      subject: 'Cégep : votre lien pour {{username}}',
      html: '<p>Bonjour {{recipientName}},</p>\n<p>Pour des raisons de sécurité, l’accès à cette page est pour une durée limitée.</p>\n<p><a href="{{link}}">Réinitialiser</a></p>\n',
      text: 'Bonjour {{recipientName}},\nLien : {{link}}\n{{signature}}\n',
    };
    const saved = await save(custom);
    expect(saved.status).toBe(200);
    expect(saved.json<TemplateView>()).toMatchObject({
      ...custom,
      overridden: true,
      updatedAt: expect.any(String),
    });
    expect(await version(cegep)).toBe(v + 1);
    expect(
      (await cegepAdmin.get(`/tenants/${cegep}/templates`))
        .json<TemplateListItem[]>()
        .find((t) => t.kind === 'password-reset' && t.locale === 'fr')!.overridden,
    ).toBe(true);
    const [event] = await auditRows(ctx, cegep, 'template.updated');
    expect(event).toMatchObject({
      targetId: 'password-reset/fr',
      before: { default: true },
      after: custom,
    });

    const stored = (
      await cegepAdmin.get(`/tenants/${cegep}/templates/password-reset/fr`)
    ).json<TemplateView>();
    const preview = await previewOf({
      subject: stored.subject,
      html: stored.html,
      text: stored.text,
    });
    expect(preview.status).toBe(200);
    const rendered = preview.json<TemplatePreviewResponse>();
    expect(rendered.subject).toBe('Cégep : votre lien pour trej');
    expect(rendered.html).toContain('Pour des raisons de sécurité');
    expect(rendered.html).toContain('#123456');
    expect(rendered.html).toContain('http://cegepdeseptiles.localhost:3000/reset-password?token=');
    expect(rendered.text).toContain('Votre Centre de services informatiques');
    expect(
      (
        await previewOf({
          subject: '{{#if}}',
          html: '',
          text: '',
        })
      ).status,
    ).toBe(400);
    // Blank parts preview as the default.
    const defaults = (
      await previewOf({ subject: '', html: '', text: '' }, 'enrolment/en')
    ).json<TemplatePreviewResponse>();
    expect(defaults.subject.length).toBeGreaterThan(0);
    // A large body (the JSON limit of the admin API is above the template limits).
    const big = await save(
      { subject: 'Test', html: `<p>${'x'.repeat(95_000)}</p>`, text: 'y'.repeat(45_000) },
      'test-email/en',
    );
    expect(big.status).toBe(200);

    expect((await cegepAdmin.get(`/tenants/${cegep}/templates/sms/fr`)).status).toBe(404);
    expect((await cegepAdmin.get(`/tenants/${cegep}/templates/password-reset/de`)).status).toBe(
      404,
    );

    const reset = await cegepAdmin.request(
      'DELETE',
      `/tenants/${cegep}/templates/password-reset/fr`,
    );
    expect(reset.json<TemplateView>()).toMatchObject({
      overridden: false,
      subject: original.subject,
    });
    expect((await auditRows(ctx, cegep, 'template.reset'))[0]).toMatchObject({
      before: custom,
      after: { default: true },
    });
  });
});
