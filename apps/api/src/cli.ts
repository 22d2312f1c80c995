import 'reflect-metadata';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createDataSource, TenantsRepository } from '@guichet/db';
import { createRedisClient, loadConfigOrExit } from '@guichet/platform';
import type { ImportLineReport } from '@guichet/types';
import {
  CsvFormatError,
  DisableMissingRefused,
  ImportAccounts,
} from './features/admin/users/import-accounts.usecase.js';
import { publishAccountsChanged } from './features/auth/session-liveness.js';
import {
  configureDirectory,
  DIRECTORY_USAGE,
  DirectoryUsageError,
  syncDirectory,
} from './features/directory/directory-cli.js';
import {
  addOidcClient,
  changeOidcKeys,
  OIDC_CLIENTS_USAGE,
  OIDC_KEYS_USAGE,
  UsageError,
} from './features/oidc/oidc-cli.js';
import { SCIM_TOKENS_USAGE, scimTokens } from './features/scim/scim-cli.js';

/**
 * Guichet's command line (no HTTP server): `guichet users import --tenant SLUG FILE.csv`
 * prints each line's outcome and a summary; exits 1 when a line was rejected or the file
 * could not be imported, 2 on a usage error.
 */
const USAGE = `Usage: pnpm guichet users import --tenant SLUG FILE.csv [--disable-missing [--allow-mass-disable]] [--dry-run]

Imports or updates the tenant's accounts from a CSV file (header: lastName,firstName,email
and optionally username,externalId; UTF-8 or Windows-1252; separated by , or ;).
Prints what it created, updated and rejected, line by line. Exit code 1 if any line was rejected.
--disable-missing: the file is a FULL export; the tenant's active accounts it does not name
are disabled (sign-in refused, sessions and application grants ended). Refused, with nothing
imported, when a line cannot be read or more than 20 % of the active accounts would go
(--allow-mass-disable lifts that). --dry-run: prints what would happen, writes nothing.`;

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function describe(line: ImportLineReport): string {
  switch (line.status) {
    case 'rejected':
      return `line ${line.line}: rejected (${line.code}) ${line.reason}`;
    default:
      return `line ${line.line}: ${line.status} ${line.username}`;
  }
}

async function importUsers(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      tenant: { type: 'string' },
      'disable-missing': { type: 'boolean' },
      'allow-mass-disable': { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!values.tenant || positionals.length !== 1) fail(USAGE);
  // `pnpm guichet …` runs in apps/api: a relative path is relative to where the command was typed.
  const file = resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]!);
  if (!existsSync(file) || !statSync(file).isFile()) fail(`No such file: ${file}`);

  const config = loadConfigOrExit();
  const dataSource = createDataSource(config.DATABASE_URL, {
    poolSize: 2,
    applicationName: 'guichet-cli',
  });
  await dataSource.initialize();
  try {
    const tenant = await new TenantsRepository(dataSource).bySlug(values.tenant);
    if (!tenant) fail(`No tenant has the slug "${values.tenant}".`);
    const out: string[] = [];
    const flush = () => {
      if (out.length) process.stdout.write(`${out.splice(0).join('\n')}\n`);
    };
    // Accounts changed by the file: the API processes drop their cached sessions of the tenant.
    const accountsChanged = async (tenantId: string) => {
      const redis = createRedisClient(config.redis, {
        connectionName: 'guichet-cli',
        maxRetriesPerRequest: 1,
      });
      try {
        await publishAccountsChanged(redis, config.REDIS_PREFIX, tenantId);
      } catch (error) {
        process.stderr.write(
          `API processes not told (their session cache keeps accounts at most 30 s): ${(error as Error).message}\n`,
        );
      } finally {
        redis.disconnect();
      }
    };
    const report = await new ImportAccounts(dataSource, undefined, accountsChanged).execute(
      { tenantId: tenant.id, usernameRule: tenant.settings.usernameRule },
      createReadStream(file, { highWaterMark: 256 * 1024 }),
      {
        actor: { type: 'system', id: `cli:${process.env.USER ?? 'unknown'}`.slice(0, 320) },
        source: 'cli',
        keepLines: 0,
        disableMissing: !!values['disable-missing'],
        allowMassDisable: !!values['allow-mass-disable'],
        dryRun: !!values['dry-run'],
        onLine: (line) => {
          out.push(describe(line));
          if (out.length >= 1000) flush();
        },
        onDisabled: (account) => {
          out.push(`disabled ${account.username} (not in the file)`);
          if (out.length >= 1000) flush();
        },
      },
    );
    flush();
    const s = report.summary;
    const disabled = s.disabled === undefined ? '' : `, ${s.disabled} disabled`;
    process.stdout.write(
      `\n${tenant.name}: ${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged, ${s.rejected} rejected${disabled} ` +
        `(${report.encoding}, "${report.delimiter}" separated, ${(report.durationMs / 1000).toFixed(1)} s)` +
        `${report.dryRun ? ' — dry run: nothing was written' : ''}\n`,
    );
    return s.rejected > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof CsvFormatError) fail(`Cannot import ${file}: ${error.message}`, 1);
    if (error instanceof DisableMissingRefused) fail(`Not imported: ${error.message}`, 1);
    throw error;
  } finally {
    await dataSource.destroy();
  }
}

/** Runs a command that returns its output lines; a usage error exits 2 with its message. */
async function printed(run: () => Promise<string[]>): Promise<number> {
  try {
    process.stdout.write(`${(await run()).join('\n')}\n`);
    return 0;
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof DirectoryUsageError ||
      String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS')
    )
      fail((error as Error).message);
    throw error;
  }
}

const [group, command, ...rest] = process.argv.slice(2);
if (group === 'users' && command === 'import') {
  process.exitCode = await importUsers(rest);
} else if (group === 'oidc-clients') {
  process.exitCode =
    command === 'add'
      ? await printed(() => addOidcClient(loadConfigOrExit(), rest))
      : fail(OIDC_CLIENTS_USAGE);
} else if (group === 'scim-tokens') {
  process.exitCode = await printed(() => scimTokens(loadConfigOrExit(), command ?? '', rest));
} else if (group === 'oidc-keys') {
  process.exitCode = await printed(() => changeOidcKeys(loadConfigOrExit(), command ?? '', rest));
} else if (group === 'directory' && command === 'configure') {
  process.exitCode = await printed(() => configureDirectory(loadConfigOrExit(), rest));
} else if (group === 'directory' && command === 'sync') {
  try {
    process.exitCode = await syncDirectory(loadConfigOrExit(), rest);
  } catch (error) {
    if (error instanceof DirectoryUsageError) fail(error.message, 1);
    if (String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS'))
      fail((error as Error).message);
    throw error;
  }
} else if (group === 'directory') {
  fail(DIRECTORY_USAGE);
} else {
  fail(
    `${USAGE}\n\n${OIDC_CLIENTS_USAGE}\n\n${OIDC_KEYS_USAGE}\n\n${DIRECTORY_USAGE}\n\n${SCIM_TOKENS_USAGE}`,
    group === undefined || group === '--help' || group === '-h' ? 0 : 2,
  );
}
