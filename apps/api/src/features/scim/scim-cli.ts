import { parseArgs } from 'node:util';
import { ScimTokensRepository } from '@guichet/db';
import type { AppConfig } from '@guichet/platform';
import { UsageError } from '../oidc/oidc-cli.js';
import { cliActor, withCliTenant } from '../../platform/cli/cli-tenant.js';
import { CreateScimToken } from './create-scim-token.usecase.js';
import { RevokeScimToken } from './revoke-scim-token.usecase.js';
import { toTokenView } from './scim-token-view.js';
import { scimBaseUrl } from './scim-user-view.js';

export const SCIM_TOKENS_USAGE = `Usage: pnpm guichet scim-tokens add --tenant SLUG --name NAME [--json]
       pnpm guichet scim-tokens list --tenant SLUG [--json]
       pnpm guichet scim-tokens revoke --tenant SLUG --id TOKEN_ID

add: creates a bearer token for the tenant's SCIM endpoint ({tenant public URL}/scim/v2,
e.g. for Microsoft Entra ID provisioning). The token is printed this once and stored
hashed; with --json the last line is {"token":"…"}. revoke: refused from the next request on.`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `scim-tokens add|list|revoke`: the lines to print. */
export async function scimTokens(
  config: AppConfig,
  command: string,
  args: string[],
): Promise<string[]> {
  const { values } = parseArgs({
    args,
    options: {
      tenant: { type: 'string' },
      name: { type: 'string' },
      id: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  if (!values.tenant) throw new UsageError(SCIM_TOKENS_USAGE);
  const slug = values.tenant;
  switch (command) {
    case 'add': {
      const name = values.name?.trim();
      if (!name) throw new UsageError(SCIM_TOKENS_USAGE);
      if (name.length > 200) throw new UsageError('The name is at most 200 characters.');
      const created = await withCliTenant(config, slug, UsageError, (db, tenant) =>
        new CreateScimToken(db).execute(tenant, name, cliActor()),
      );
      const lines = [
        `SCIM token "${name}" created for ${slug} (id ${created.id}).`,
        `Tenant URL: ${created.scimUrl}`,
        `Secret token: ${created.token}`,
        'Keep the token now: it is not shown again.',
      ];
      if (values.json) lines.push(JSON.stringify({ token: created.token }));
      return lines;
    }
    case 'list': {
      const { scimUrl, tokens } = await withCliTenant(
        config,
        slug,
        UsageError,
        async (db, tenant) => ({
          scimUrl: scimBaseUrl(tenant.publicUrl),
          tokens: (await new ScimTokensRepository(db).list(tenant.id)).map(toTokenView),
        }),
      );
      if (values.json) return [JSON.stringify({ scimUrl, tokens })];
      return [
        `SCIM endpoint of ${slug}: ${scimUrl}`,
        ...tokens.map(
          (t) =>
            `${t.id}  ${t.name}  created ${t.createdAt}  last used ${t.lastUsedAt ?? 'never'}${t.revokedAt ? `  revoked ${t.revokedAt}` : ''}`,
        ),
        `${tokens.length} token(s).`,
      ];
    }
    case 'revoke': {
      const id = values.id;
      if (!id || !UUID.test(id)) throw new UsageError(SCIM_TOKENS_USAGE);
      const revoked = await withCliTenant(config, slug, UsageError, (db, tenant) =>
        new RevokeScimToken(db).execute(tenant.id, id, cliActor()),
      );
      if (!revoked) throw new UsageError(`${slug} has no live SCIM token with the id ${id}.`);
      return [`SCIM token "${revoked.name}" of ${slug} revoked.`];
    }
    default:
      throw new UsageError(SCIM_TOKENS_USAGE);
  }
}
