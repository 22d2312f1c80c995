import { parseArgs } from 'node:util';
import { type AppConfig, Encryptor } from '@guichet/platform';
import { withCliRedis, withCliTenant } from '../../platform/cli/cli-tenant.js';
import { OidcClientStore } from './oidc-client-store.js';
import { OidcSigningKeys } from './oidc-signing-keys.js';
import { redirectUriProblem } from './redirect-uris.js';

export const OIDC_CLIENTS_USAGE = `Usage: pnpm guichet oidc-clients add --tenant SLUG --name NAME --redirect-uri URI [--redirect-uri URI…]
         [--post-logout-redirect-uri URI] [--backchannel-logout-uri URI] [--public] [--first-party] [--json]

Registers an OpenID Connect client (application) of the tenant. Prints its client id and,
for a confidential client, its secret: shown this once, stored hashed. --public: a client
without a secret (PKCE required); --first-party: no consent page. With --json the last
line is {"clientId":"…","clientSecret":"…"}.`;

export const OIDC_KEYS_USAGE = `Usage: pnpm guichet oidc-keys rotate --tenant SLUG
       pnpm guichet oidc-keys retire --tenant SLUG

rotate: a new key signs the tenant's ID tokens; the previous one stays in the JWKS, so
tokens it signed still verify. retire: removes the previous keys from the JWKS.`;

export class UsageError extends Error {}

/** `oidc-clients add`: the lines to print. */
export async function addOidcClient(config: AppConfig, args: string[]): Promise<string[]> {
  const { values } = parseArgs({
    args,
    options: {
      tenant: { type: 'string' },
      name: { type: 'string' },
      'redirect-uri': { type: 'string', multiple: true },
      'post-logout-redirect-uri': { type: 'string', multiple: true },
      'backchannel-logout-uri': { type: 'string' },
      public: { type: 'boolean' },
      'first-party': { type: 'boolean' },
      json: { type: 'boolean' },
    },
  });
  const name = values.name?.trim();
  const redirectUris = values['redirect-uri'] ?? [];
  const postLogoutRedirectUris = values['post-logout-redirect-uri'] ?? [];
  const backchannelLogoutUri = values['backchannel-logout-uri'] ?? null;
  if (!values.tenant || !name || !redirectUris.length) throw new UsageError(OIDC_CLIENTS_USAGE);
  if (name.length > 200) throw new UsageError('The name is at most 200 characters.');
  const rules = { baseDomain: config.BASE_DOMAIN, production: config.NODE_ENV === 'production' };
  const problems = [
    ...redirectUris,
    ...postLogoutRedirectUris,
    ...(backchannelLogoutUri ? [backchannelLogoutUri] : []),
  ]
    .map((uri) => redirectUriProblem(uri, rules))
    .filter((p): p is string => p !== null);
  if (problems.length) throw new UsageError(problems.join('\n'));
  const created = await withCliTenant(config, values.tenant, UsageError, (db, { id: tenantId }) =>
    new OidcClientStore(db).create(tenantId, {
      name,
      redirectUris,
      postLogoutRedirectUris,
      backchannelLogoutUri,
      public: !!values.public,
      firstParty: !!values['first-party'],
    }),
  );
  const lines = [
    `Client "${name}" registered for ${values.tenant}.`,
    `client id: ${created.clientId}`,
  ];
  if (created.clientSecret)
    lines.push(
      `client secret: ${created.clientSecret}`,
      'Keep the secret now: it is not shown again.',
    );
  if (values.json) lines.push(JSON.stringify(created));
  return lines;
}

/** `oidc-keys rotate|retire`: changes the keys, then tells every API process to rebuild the issuer. */
export async function changeOidcKeys(
  config: AppConfig,
  command: string,
  args: string[],
): Promise<string[]> {
  const { values } = parseArgs({ args, options: { tenant: { type: 'string' } } });
  if (!values.tenant || (command !== 'rotate' && command !== 'retire'))
    throw new UsageError(OIDC_KEYS_USAGE);
  // The API decrypts the keys with its DATA_ENCRYPTION_KEY: a key of this process alone would be useless to it.
  if (!config.DATA_ENCRYPTION_KEY)
    throw new UsageError(
      'oidc-keys needs DATA_ENCRYPTION_KEY, the same as the API processes (openssl rand -base64 32).',
    );
  const encryptor = new Encryptor(config.DATA_ENCRYPTION_KEY);
  const { tenantId, line } = await withCliTenant(
    config,
    values.tenant,
    UsageError,
    async (db, { id: id }) => {
      const keys = new OidcSigningKeys(db, encryptor);
      if (command === 'rotate')
        return {
          tenantId: id,
          line: `New signing key ${await keys.rotate(id)} for ${values.tenant}; the previous key still verifies until retired.`,
        };
      return {
        tenantId: id,
        line: `${await keys.retirePrevious(id)} previous key(s) of ${values.tenant} retired.`,
      };
    },
  );
  await withCliRedis(config, (redis) =>
    redis.publish(`${config.REDIS_PREFIX}:tenant-changed`, tenantId),
  );
  return [line];
}
