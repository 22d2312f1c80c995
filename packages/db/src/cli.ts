#!/usr/bin/env node
// `pnpm db:migrate` and `pnpm db:seed`.
import { ConfigError, parseEnv } from '@guichet/types';
import { createDataSource } from './data-source.js';
import { migrate } from './migrate.js';
import { seed } from './seed.js';

async function main(command: string | undefined): Promise<void> {
  const env = parseEnv(process.env);
  if (command === 'migrate') {
    const { created, applied } = await migrate(env.DATABASE_URL);
    if (created) console.log(`Created database ${new URL(env.DATABASE_URL).pathname.slice(1)}.`);
    console.log(
      applied.length
        ? `Applied migrations: ${applied.join(', ')}`
        : 'Database schema is up to date.',
    );
  } else if (command === 'seed') {
    const dataSource = createDataSource(env.DATABASE_URL, {
      poolSize: 2,
      applicationName: 'guichet-seed',
    });
    await dataSource.initialize();
    try {
      const report = await seed(dataSource, env);
      console.log(
        report.tenantsCreated.length
          ? `Seeded tenants: ${report.tenantsCreated.join(', ')}`
          : 'Tenants already seeded.',
      );
      if (report.adminCreated) {
        console.log(`Created platform admin ${report.adminCreated.email}.`);
        if (report.adminCreated.generatedPassword) {
          console.log(
            `  Generated password (shown once, change it): ${report.adminCreated.generatedPassword}`,
          );
        }
      }
    } finally {
      await dataSource.destroy();
    }
  } else {
    console.error('usage: guichet-db migrate|seed');
    process.exitCode = 2;
  }
}

main(process.argv[2]).catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(`guichet-db: ${(error as Error).message}`);
  process.exitCode = 1;
});
