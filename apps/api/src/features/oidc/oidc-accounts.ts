import type { OidcTokenRelated, TenantId, UsersRepository } from '@guichet/db';
import type { Account } from 'oidc-provider';
import type { OidcPrefetch } from './oidc-prefetch.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The claims of each scope the issuers offer. */
export const OIDC_CLAIMS = {
  openid: ['sub'],
  profile: ['preferred_username', 'name', 'given_name', 'family_name', 'locale'],
  email: ['email', 'email_verified'],
};

/**
 * The people an issuer vouches for: active accounts of its tenant. `sub` is the account's
 * id (stable when a username changes); a disabled account is not found, so its tokens stop
 * answering at userinfo and its refresh tokens stop refreshing.
 */
export async function findOidcAccount(
  users: UsersRepository,
  tenantId: TenantId,
  defaultLocale: string,
  sub: string,
  prefetch?: OidcPrefetch,
): Promise<Account | undefined> {
  if (!UUID.test(sub)) return undefined;
  // Read with the access token a moment ago, in the same request (oidc-prefetch.ts), or now.
  const row = prefetch?.account(sub) ?? (await users.activeWithEnrolment(tenantId, sub));
  if (!row) return undefined;
  return { accountId: row.id, claims: () => accountClaims(row, defaultLocale) };
}

/** Every claim of an active account (OIDC_CLAIMS says which scope shows which). */
export function accountClaims(
  row: NonNullable<OidcTokenRelated['account']>,
  defaultLocale: string,
): { sub: string; [claim: string]: unknown } {
  return {
    sub: row.id,
    preferred_username: row.username,
    name: `${row.firstName} ${row.lastName}`.trim() || row.username,
    given_name: row.firstName,
    family_name: row.lastName,
    locale: defaultLocale,
    email: row.email,
    // Enrolment sets the first password through a link sent to this address.
    email_verified: row.enrolled,
  };
}
