import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AdminAccountsRepository, createDataSource, seed } from '@guichet/db';
import { createTestDatabase, type TestDatabase } from '@guichet/db/testing';
import { parseEnv } from '@guichet/types';
import type { DataSource } from 'typeorm';
import { findAdmin, listAdmins } from '../src/features/admin/admins/admin-accounts.shared.js';

describe('admin account queries', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = createDataSource(db.url, { poolSize: 2 });
    await dataSource.initialize();
    await seed(
      dataSource,
      parseEnv({
        NODE_ENV: 'test',
        DATABASE_URL: db.url,
        ADMIN_BOOTSTRAP_EMAIL: 'root@guichet.test',
        ADMIN_BOOTSTRAP_PASSWORD: 'correct horse battery staple',
      }),
    );
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('finds one admin by id, and an absent or empty id finds nobody (never the whole list)', async () => {
    const admins = new AdminAccountsRepository(dataSource);
    const all = await listAdmins(admins);
    expect(all.length).toBeGreaterThan(0);
    expect(await findAdmin(admins, all[0]!.id)).toEqual(all[0]);
    expect(await findAdmin(admins, '00000000-0000-4000-8000-000000000000')).toBeUndefined();
    await expect(findAdmin(admins, '')).rejects.toThrow();
  });
});
