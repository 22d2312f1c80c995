import { Injectable } from '@nestjs/common';
import type { TenantId } from '@guichet/db';
import type { AdminActor } from '../admin/access/admin-request.js';
import { OidcClientWrites } from './oidc-client-writes.js';
import { auditState, lockClient, view } from './oidc-clients.shared.js';

/** Deletes a client of the tenant with its grants and tokens; audited. */
@Injectable()
export class DeleteOidcClient {
  constructor(private readonly writes: OidcClientWrites) {}

  async execute(actor: AdminActor, tenantId: TenantId, clientId: string): Promise<void> {
    await this.writes.write(actor, tenantId, async (store) => {
      const before = await lockClient(store, tenantId, clientId);
      await store.delete(tenantId, clientId);
      return { result: undefined, clientId, action: 'deleted', before: auditState(view(before)) };
    });
  }
}
