import { withAccount } from './account';
import { withApplications } from './applications';
import { withDirectory } from './directory';
import { withEmail } from './email';
import { withLogs } from './logs';
import { withTenants } from './tenants';
import { ApiTransport } from './transport';
import { withUsers } from './users';

export { ApiRequestError, queryString, type ApiClientOptions, type Query } from './transport';
export type { UserAction } from './users';

/**
 * Typed client of the admin API (same origin: served by the API, or proxied by Vite in dev),
 * one file per resource.
 */
export class ApiClient extends withLogs(
  withApplications(withUsers(withDirectory(withEmail(withTenants(withAccount(ApiTransport)))))),
) {}
