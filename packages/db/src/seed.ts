import { randomBytes } from 'node:crypto';
import { type Env, publicOrigin, tenantSettingsSchema } from '@guichet/types';
import { hash as argon2Hash } from '@node-rs/argon2';
import type { DataSource } from 'typeorm';
import { AdminAccount, Tenant, TenantHost, TenantSettingsRow } from './entities/index.js';
import { SEED_TENANTS } from './seed-data.js';

export interface SeedReport {
  tenantsCreated: string[];
  adminCreated: { email: string; generatedPassword: string | null } | null;
}

export const DEV_ADMIN_EMAIL = 'admin@guichet.localhost';

/**
 * Creates what is missing: the two reference tenants (settings, host names) and the
 * bootstrap platform admin. Never overwrites what an admin changed: running it twice
 * gives the same rows.
 */
export async function seed(dataSource: DataSource, env: Env): Promise<SeedReport> {
  const report: SeedReport = { tenantsCreated: [], adminCreated: null };
  await dataSource.transaction(async (em) => {
    for (const seedTenant of SEED_TENANTS) {
      if (await em.existsBy(Tenant, { slug: seedTenant.slug })) continue;
      const hostName = `${seedTenant.slug}.${env.BASE_DOMAIN}`;
      const tenant = await em.save(
        em.create(Tenant, {
          slug: seedTenant.slug,
          name: seedTenant.name,
          publicUrl: publicOrigin(env, hostName),
        }),
      );
      await em.save(em.create(TenantHost, { tenantId: tenant.id, hostName, isPrimary: true }));
      const settings = tenantSettingsSchema.parse(seedTenant.settings);
      await em.save(
        em.create(TenantSettingsRow, { tenantId: tenant.id, settings, smtp: null, version: 1 }),
      );
      report.tenantsCreated.push(seedTenant.slug);
    }

    const email = (
      env.ADMIN_BOOTSTRAP_EMAIL ?? (env.NODE_ENV === 'production' ? undefined : DEV_ADMIN_EMAIL)
    )?.toLowerCase();
    if (!email || (await em.existsBy(AdminAccount, { email }))) return;
    const generated = env.ADMIN_BOOTSTRAP_PASSWORD ? null : randomBytes(12).toString('base64url');
    if (generated && env.NODE_ENV === 'production') {
      throw new Error(
        'ADMIN_BOOTSTRAP_PASSWORD is required in production to create the first platform admin',
      );
    }
    // argon2id (algorithm 2) with OWASP's parameters, the API's defaults.
    const passwordHash = await argon2Hash(env.ADMIN_BOOTSTRAP_PASSWORD ?? generated!, {
      algorithm: 2,
      memoryCost: 19456,
      timeCost: 2,
      parallelism: 1,
    });
    await em.save(em.create(AdminAccount, { email, passwordHash, role: 'platform-admin' }));
    report.adminCreated = { email, generatedPassword: generated };
  });
  return report;
}
