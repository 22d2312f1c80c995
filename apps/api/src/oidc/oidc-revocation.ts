/** The revocation of a person's OpenID grants lives with the other account-access SQL in packages/db. */
export { endOidcGrantsOf, type OidcGrantsEnded, type PendingLogout } from '@guichet/db';
