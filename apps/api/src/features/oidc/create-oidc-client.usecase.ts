import { Injectable } from '@nestjs/common';
import type { TenantId } from '@guichet/db';
import type { OidcClientCreated } from '@guichet/types';
import type { AdminActor } from '../admin/access/admin-request.js';
import type { NewOidcClient } from './oidc-client-store.js';
import { OidcClientWrites } from './oidc-client-writes.js';
import { auditState, view } from './oidc-clients.shared.js';

/** Registers a client of the tenant: a confidential one's secret is shown once, stored hashed; audited. */
@Injectable()
export class CreateOidcClient {
  constructor(private readonly writes: OidcClientWrites) {}

  async execute(
    actor: AdminActor,
    tenantId: TenantId,
    input: NewOidcClient,
  ): Promise<OidcClientCreated> {
    this.writes.checkUris(input);
    return this.writes.write(actor, tenantId, async (store) => {
      const { clientId, clientSecret } = await store.create(tenantId, input);
      const created = view((await store.adminView(tenantId, clientId))!);
      return {
        result: clientSecret ? { ...created, clientSecret } : created,
        clientId,
        action: 'created',
        details: auditState(created),
      };
    });
  }
}
