import { BadRequestException, Injectable } from '@nestjs/common';
import type { TenantId } from '@guichet/db';
import type { OidcClientCreated } from '@guichet/types';
import type { AdminActor } from '../admin/access/admin-request.js';
import { OidcClientWrites } from './oidc-client-writes.js';
import { lockClient, view } from './oidc-clients.shared.js';

/** A new secret for a confidential client (shown in this answer only); the old one stops working; audited. */
@Injectable()
export class RotateOidcClientSecret {
  constructor(private readonly writes: OidcClientWrites) {}

  async execute(
    actor: AdminActor,
    tenantId: TenantId,
    clientId: string,
  ): Promise<OidcClientCreated> {
    return this.writes.write(actor, tenantId, async (store) => {
      const before = await lockClient(store, tenantId, clientId);
      if (before.public)
        throw new BadRequestException({
          error: 'public_client',
          message: 'A public client has no secret to rotate.',
        });
      const clientSecret = (await store.rotateSecret(tenantId, clientId))!;
      const result = { ...view((await store.adminView(tenantId, clientId))!), clientSecret };
      return { result, clientId, action: 'secret_rotated' };
    });
  }
}
