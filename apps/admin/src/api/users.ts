import type {
  AdminUserView,
  ImportReport,
  Page,
  SendResetResponse,
  UserListQuery,
} from '@guichet/types';
import { seg, type Query, type TransportClass } from './transport';

export type UserAction = 'disable' | 'enable' | 'unlock';

/** A tenant’s accounts. */
export const withUsers = <B extends TransportClass>(Base: B) =>
  class extends Base {
    // Accounts
    /** `disableMissing`: a full export (its missing accounts disabled); `dryRun`: the report only. */
    importUsers(
      tenantId: string,
      file: Blob,
      options: { disableMissing?: boolean; allowMassDisable?: boolean; dryRun?: boolean } = {},
    ): Promise<ImportReport> {
      const query = Object.fromEntries(
        Object.entries(options)
          .filter(([, on]) => on)
          .map(([name]) => [name, 'true']),
      );
      return this.json('POST', `/tenants/${seg(tenantId)}/users/import`, {
        body: file,
        contentType: 'text/csv',
        query: query as Query,
      });
    }
    users(
      tenantId: string,
      query: UserListQuery,
      signal?: AbortSignal,
    ): Promise<Page<AdminUserView>> {
      return this.json('GET', `/tenants/${seg(tenantId)}/users`, { query: query as Query, signal });
    }
    userAction(tenantId: string, userId: string, action: UserAction): Promise<AdminUserView> {
      return this.json('POST', `/tenants/${seg(tenantId)}/users/${seg(userId)}/${action}`, {
        body: {},
      });
    }
    sendReset(tenantId: string, userId: string): Promise<SendResetResponse> {
      return this.json('POST', `/tenants/${seg(tenantId)}/users/${seg(userId)}/send-reset`, {
        body: {},
      });
    }
  };
