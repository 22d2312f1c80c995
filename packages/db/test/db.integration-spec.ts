import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseEnv } from '@guichet/types';
import type { DataSource } from 'typeorm';
import {
  AdminAccount,
  createDataSource,
  migrate,
  seed,
  Tenant,
  TenantHost,
  TenantSettingsRow,
  User,
} from '../src/index.js';
import { createTestDatabase, type TestDatabase } from '../src/testing.js';
import { quoteIdent, withServer } from '../src/database.js';

describe('migrations', () => {
  it('create the whole schema on an empty database, then report it up to date', async () => {
    const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/guichet');
    const name = `guichet_t_migrate_${process.pid}`;
    url.pathname = `/${name}`;
    try {
      const first = await migrate(url.toString());
      expect(first.created).toBe(true);
      expect(first.applied.length).toBeGreaterThan(0);
      const second = await migrate(url.toString());
      expect(second).toEqual({ created: false, applied: [] });
      const tables = await withServer(url.toString(), async () => {
        const ds = createDataSource(url.toString(), { poolSize: 1 });
        await ds.initialize();
        const rows: { table_name: string }[] = await ds.query(
          "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
        );
        await ds.destroy();
        return rows.map((r) => r.table_name);
      });
      expect(tables).toEqual(
        expect.arrayContaining([
          'tenants',
          'tenant_hosts',
          'tenant_settings',
          'users',
          'action_tokens',
          'refresh_sessions',
          'email_deliveries',
          'email_templates',
          'audit_events',
          'admin_accounts',
          'admin_tenant_grants',
        ]),
      );
    } finally {
      await withServer(url.toString(), (c) =>
        c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
      );
    }
  });
});

describe('seed', () => {
  let db: TestDatabase;
  let ds: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase();
    ds = createDataSource(db.url, { poolSize: 2 });
    await ds.initialize();
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  const snapshot = async () => ({
    tenants: await ds.getRepository(Tenant).find({ order: { slug: 'ASC' } }),
    hosts: await ds.getRepository(TenantHost).find({ order: { hostName: 'ASC' } }),
    settings: await ds.getRepository(TenantSettingsRow).find({ order: { tenantId: 'ASC' } }),
    admins: await ds.getRepository(AdminAccount).find(),
  });

  it('creates the two tenants of the guides and the bootstrap admin, and gives the same rows when run twice', async () => {
    const env = parseEnv({
      ADMIN_BOOTSTRAP_EMAIL: 'Root@Example.ca',
      ADMIN_BOOTSTRAP_PASSWORD: 'a long bootstrap passphrase',
    });
    const first = await seed(ds, env);
    expect(first.tenantsCreated).toEqual(['cegepdeseptiles', 'monteregie']);
    expect(first.adminCreated).toEqual({ email: 'root@example.ca', generatedPassword: null });
    const before = await snapshot();
    const second = await seed(ds, env);
    expect(second).toEqual({ tenantsCreated: [], adminCreated: null });
    expect(await snapshot()).toEqual(before);

    expect(before.hosts.map((h) => h.hostName)).toEqual([
      'cegepdeseptiles.localhost',
      'monteregie.localhost',
    ]);
    expect(before.tenants.map((t) => t.publicUrl)).toEqual([
      'http://cegepdeseptiles.localhost:3000',
      'http://monteregie.localhost:3000',
    ]);
    const bySlug = Object.fromEntries(
      before.tenants.map((t) => [
        t.slug,
        before.settings.find((s) => s.tenantId === t.id)!.settings,
      ]),
    );
    expect(bySlug.cegepdeseptiles!.email.senderAddress).toBe('supportTI@cegepsi.ca');
    expect(bySlug.cegepdeseptiles!.texts.fr.welcomeTitle).toBe(
      'Bienvenue sur le portail Web du Centre de services',
    );
    expect(bySlug.cegepdeseptiles!.texts.fr.usernameHint).toBe(
      "Le nom d'utilisateur correspond (sauf exception) aux 3 premières lettres du nom et la première lettre du prénom",
    );
    expect(bySlug.monteregie!.passwordPolicy).toMatchObject({
      minLength: 4,
      requireDigit: true,
      requireLetter: true,
    });
    expect(bySlug.monteregie!.texts.en.welcomeTitle).toBe(
      'Welcome to the Service Centre web portal',
    );
    expect(before.admins[0]!.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('generates and reports a password for the dev admin when none is configured (development only)', async () => {
    await ds.query('DELETE FROM admin_accounts');
    // Production is the default: no admin made up there.
    expect((await seed(ds, parseEnv({}))).adminCreated).toBeNull();
    const report = await seed(ds, parseEnv({ NODE_ENV: 'development' }));
    expect(report.adminCreated?.email).toBe('admin@guichet.localhost');
    expect(report.adminCreated?.generatedPassword).toMatch(/^[\w-]{16}$/);
  });

  it('refuses two users whose usernames differ only by case in one tenant', async () => {
    const tenant = await ds.getRepository(Tenant).findOneByOrFail({ slug: 'monteregie' });
    const users = ds.getRepository(User);
    await users.insert({
      tenantId: tenant.id,
      username: 'gama1234',
      firstName: 'Marc',
      lastName: 'Gagnon',
      email: 'm@example.ca',
    });
    await expect(
      users.insert({
        tenantId: tenant.id,
        username: 'GAMA1234',
        firstName: 'Marc',
        lastName: 'Gagnon',
        email: 'm@example.ca',
      }),
    ).rejects.toThrow(/ck_users_username_normalized/);
  });
});
