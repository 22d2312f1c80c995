import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { directoryAccounts } from '@guichet/db';
import {
  auditDirectory,
  createDirectorySync,
  describeChange,
  DirectorySettingsInvalid,
  DirectorySyncBusy,
  DirectoryTargetPolicy,
  parseDirectorySettings,
  refusalMessage,
  storeDirectorySettings,
  summaryLine,
} from '@guichet/directory';
import { type AppConfig, Encryptor } from '@guichet/platform';
import { AD_ATTRIBUTES, AD_FILTER, DIRECTORY_FIELDS, type DirectoryField } from '@guichet/types';
import { cliActor, withCliRedis, withCliTenant } from '../../platform/cli/cli-tenant.js';

export const DIRECTORY_USAGE = `Usage: pnpm guichet directory configure --tenant SLUG --url URL --bind-dn DN --bind-password-env VAR
         --base-dn DN [--filter F] [--map username=ATTR,firstName=ATTR,lastName=ATTR,email=ATTR,externalId=ATTR]
         [--disabled-filter F | --no-disabled-marker] [--leavers disable|keep] [--every MINUTES]
         [--start-tls] [--ca-file PEM] [--max-disable-percent N]
       pnpm guichet directory sync --tenant SLUG [--dry-run] [--force]

configure: the tenant's LDAP / Active Directory settings (Active Directory defaults: filter
${AD_FILTER}, map username=sAMAccountName,firstName=givenName,lastName=sn,
email=mail,externalId=objectGUID, disabled = userAccountControl's ACCOUNTDISABLE bit).
The bind password is read from the environment variable VAR, never from the command line;
without --bind-password-env the stored one is kept (same URL and bind DN). "username=" (empty)
lets the tenant's username rule derive usernames.
sync: one line per change, then "N created, N updated, N disabled, N unchanged, N rejected".
Exit 1 when the directory cannot be reached, the bind fails or the safety net refuses
(nobody is then disabled); --force goes past the safety net.`;

export class DirectoryUsageError extends Error {}

function encryptor(config: AppConfig): Encryptor {
  // The API and the worker decrypt the bind password with their DATA_ENCRYPTION_KEY.
  if (!config.DATA_ENCRYPTION_KEY)
    throw new DirectoryUsageError(
      'directory needs DATA_ENCRYPTION_KEY, the same as the API and worker processes.',
    );
  return new Encryptor(config.DATA_ENCRYPTION_KEY);
}

function parseMap(value: string | undefined) {
  const attributes: Record<DirectoryField, string | null> = { ...AD_ATTRIBUTES };
  for (const pair of (value ?? '').split(',').filter(Boolean)) {
    const [field, attr = ''] = pair.split('=').map((s) => s.trim());
    if (!DIRECTORY_FIELDS.includes(field as DirectoryField))
      throw new DirectoryUsageError(
        `--map: unknown field "${field}" (use ${DIRECTORY_FIELDS.join(', ')}).`,
      );
    attributes[field as DirectoryField] = attr === '' ? null : attr;
  }
  return attributes;
}

/** `directory configure`: validated as the admin API validates, stored, audited. */
export async function configureDirectory(config: AppConfig, args: string[]): Promise<string[]> {
  const { values } = parseArgs({
    args,
    options: {
      tenant: { type: 'string' },
      url: { type: 'string' },
      'bind-dn': { type: 'string' },
      'bind-password-env': { type: 'string' },
      'base-dn': { type: 'string' },
      filter: { type: 'string' },
      map: { type: 'string' },
      'disabled-filter': { type: 'string' },
      'no-disabled-marker': { type: 'boolean' },
      leavers: { type: 'string' },
      every: { type: 'string' },
      'start-tls': { type: 'boolean' },
      'ca-file': { type: 'string' },
      'max-disable-percent': { type: 'string' },
    },
  });
  if (!values.tenant || !values.url || !values['bind-dn'] || !values['base-dn'])
    throw new DirectoryUsageError(DIRECTORY_USAGE);
  const passwordVar = values['bind-password-env'];
  const password = passwordVar ? process.env[passwordVar] : undefined;
  if (passwordVar && !password)
    throw new DirectoryUsageError(`The environment variable ${passwordVar} is empty or not set.`);
  const caFile = values['ca-file'];
  const input = {
    url: values.url,
    startTls: Boolean(values['start-tls']),
    caCertificate: caFile
      ? readFileSync(resolve(process.env.INIT_CWD ?? process.cwd(), caFile), 'utf8')
      : null,
    bindDn: values['bind-dn'],
    bindPassword: password,
    baseDn: values['base-dn'],
    filter: values.filter ?? AD_FILTER,
    attributes: parseMap(values.map),
    disabled: values['disabled-filter']
      ? { kind: 'filter', filter: values['disabled-filter'] }
      : values['no-disabled-marker']
        ? { kind: 'none' }
        : { kind: 'userAccountControl' },
    leavers: values.leavers ?? 'disable',
    everyMinutes: values.every === undefined ? null : Number(values.every),
    maxDisablePercent:
      values['max-disable-percent'] === undefined ? 50 : Number(values['max-disable-percent']),
  };
  let request;
  try {
    request = parseDirectorySettings(input);
  } catch (error) {
    if (error instanceof DirectorySettingsInvalid) throw new DirectoryUsageError(error.message);
    throw error;
  }
  const refused = await new DirectoryTargetPolicy(config.directoryAllowList).refusal(request.url);
  if (refused) throw new DirectoryUsageError(refusalMessage(refused));
  const enc = encryptor(config);
  return withCliTenant(
    config,
    values.tenant,
    DirectoryUsageError,
    (db, { id: tenantId }) =>
      db.transaction(async (em) => {
        const current = await directoryAccounts.lockSettings(em, tenantId);
        const { stored, passwordChanged, passwordDropped } = storeDirectorySettings(
          request,
          current,
          enc,
        );
        await directoryAccounts.saveSettings(em, tenantId, stored);
        await directoryAccounts.audit(em, tenantId, {
          actorType: 'system',
          actorId: cliActor().id,
          action: 'directory.configured',
          before: auditDirectory(current),
          after: { ...auditDirectory(stored), passwordChanged },
        });
        return [
          `Directory of ${values.tenant} configured: ${stored.url}, base ${stored.baseDn}` +
            (stored.everyMinutes
              ? `, synced every ${stored.everyMinutes} minutes.`
              : ', synced on demand.'),
          ...(stored.bindPasswordCiphertext
            ? []
            : ['Warning: no bind password is stored (anonymous bind).']),
          ...(passwordDropped
            ? ['The stored password was for another server or bind DN: it was dropped.']
            : []),
        ];
      }),
    3,
  );
}

/** `directory sync`: prints each change as it is known, then the summary; the exit code. */
export async function syncDirectory(config: AppConfig, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      tenant: { type: 'string' },
      'dry-run': { type: 'boolean' },
      force: { type: 'boolean' },
    },
  });
  const slug = values.tenant;
  if (!slug) throw new DirectoryUsageError(DIRECTORY_USAGE);
  const enc = encryptor(config);
  return withCliRedis(config, (redis) =>
    withCliTenant(
      config,
      slug,
      DirectoryUsageError,
      async (dataSource, { id: tenantId }) => {
        const sync = createDirectorySync({
          dataSource,
          redis,
          redisPrefix: config.REDIS_PREFIX,
          encryptor: enc,
          allowList: config.directoryAllowList,
        });
        const out: string[] = [];
        const flush = () => {
          if (out.length) process.stdout.write(`${out.splice(0).join('\n')}\n`);
        };
        const dryRun = Boolean(values['dry-run']);
        let result;
        try {
          result = await sync.run(tenantId, {
            trigger: 'cli',
            dryRun,
            force: Boolean(values.force),
            actor: cliActor(),
            onChange: (line) => {
              out.push(describeChange(line));
              if (out.length >= 1000) flush();
            },
          });
        } catch (error) {
          if (error instanceof DirectorySyncBusy) throw new DirectoryUsageError(error.message);
          throw error;
        }
        flush();
        if (result.status === 'failed') {
          process.stderr.write(`${values.tenant}: the sync failed: ${result.error}\n`);
          return 1;
        }
        if (result.error) process.stderr.write(`${result.error}\n`);
        process.stdout.write(
          `\n${values.tenant}${dryRun ? ' (dry run, nothing changed)' : ''}: ${summaryLine(result.counts)} (${(result.durationMs / 1000).toFixed(1)} s)\n`,
        );
        return 0;
      },
      3,
    ),
  );
}
