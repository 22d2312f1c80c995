import { BadRequestException, NotFoundException } from '@nestjs/common';
import type { TenantId } from '@guichet/db';
import type { OidcClientView } from '@guichet/types';
import type { AppConfig } from '../../platform/config/config.js';
import type { OidcClientAdminRow, OidcClientStore } from './oidc-client-store.js';
import { redirectUriProblem } from './redirect-uris.js';

export const OIDC_CLIENT_NOT_FOUND = {
  error: 'not_found',
  message: 'This tenant has no OpenID Connect client with this id.',
};

export const view = (row: OidcClientAdminRow): OidcClientView => ({
  clientId: row.clientId,
  name: row.name,
  public: row.public,
  firstParty: row.firstParty,
  redirectUris: row.redirectUris,
  postLogoutRedirectUris: row.postLogoutRedirectUris,
  backchannelLogoutUri: row.backchannelLogoutUri,
  lastUsedAt: row.lastUsedAt ? new Date(row.lastUsedAt).toISOString() : null,
  createdAt: new Date(row.createdAt).toISOString(),
  updatedAt: new Date(row.updatedAt).toISOString(),
});

/** What the audit log keeps of a client (never its secret). */
export const auditState = (c: OidcClientView) => ({
  name: c.name,
  public: c.public,
  firstParty: c.firstParty,
  redirectUris: c.redirectUris,
  postLogoutRedirectUris: c.postLogoutRedirectUris,
  backchannelLogoutUri: c.backchannelLogoutUri,
});

/** The client, locked for the change; 404 when the tenant has none with this id. */
export async function lockClient(
  store: OidcClientStore,
  tenantId: TenantId,
  clientId: string,
): Promise<OidcClientAdminRow> {
  const row = await store.adminView(tenantId, clientId, true);
  if (!row) throw new NotFoundException(OIDC_CLIENT_NOT_FOUND);
  return row;
}

/** The URIs a client registers (redirect, post-logout, back-channel logout), as the admin gave them. */
export interface ClientUris {
  redirectUris?: string[];
  postLogoutRedirectUris?: string[];
  backchannelLogoutUri?: string | null;
}

/** 400 naming every URI the platform refuses (redirectUriProblem), the first one as the message. */
export function assertClientUris(input: ClientUris, config: AppConfig): void {
  const rules = { baseDomain: config.BASE_DOMAIN, production: config.NODE_ENV === 'production' };
  const uris = [
    ...(input.redirectUris ?? []),
    ...(input.postLogoutRedirectUris ?? []),
    ...(input.backchannelLogoutUri ? [input.backchannelLogoutUri] : []),
  ];
  const violations = uris
    .map((uri) => redirectUriProblem(uri, rules))
    .filter((p): p is string => p !== null);
  if (violations.length)
    throw new BadRequestException({
      error: 'invalid_redirect_uri',
      message: violations[0],
      violations,
    });
}
