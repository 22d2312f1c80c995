import { Injectable } from '@nestjs/common';
import type { TenantId } from '@guichet/db';
import type { OidcClientView } from '@guichet/types';
import type { AdminActor } from '../admin/access/admin-request.js';
import type { OidcClientChanges } from './oidc-client-store.js';
import { OidcClientWrites } from './oidc-client-writes.js';
import { auditState, lockClient, view } from './oidc-clients.shared.js';

/** Changes a client's name, URIs or first-party flag; audited with before/after. */
@Injectable()
export class UpdateOidcClient {
  constructor(private readonly writes: OidcClientWrites) {}

  async execute(
    actor: AdminActor,
    tenantId: TenantId,
    clientId: string,
    changes: OidcClientChanges,
  ): Promise<OidcClientView> {
    this.writes.checkUris(changes);
    return this.writes.write(actor, tenantId, async (store) => {
      const before = await lockClient(store, tenantId, clientId);
      await store.update(tenantId, clientId, changes);
      const after = view((await store.adminView(tenantId, clientId))!);
      return {
        result: after,
        clientId,
        action: 'updated',
        before: auditState(view(before)),
        details: auditState(after),
      };
    });
  }
}
