/** The OpenID provider's storage: the tenant-scoped repository of packages/db. */
export { type OidcPayloadData, OidcPayloadsRepository as OidcPayloadStore } from '@guichet/db';
