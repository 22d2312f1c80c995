import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TenantId } from '@guichet/db';
import type { OidcClientCreated } from '@guichet/types';
import type { DataSource } from 'typeorm';
import { type AdminActor, adminAudit } from '../admin/access/admin-request.js';
import { AuditLog } from '../../platform/audit/audit-log.js';
import { OidcClientStore } from './oidc-client-store.js';
import { lockClient, view } from './oidc-clients.shared.js';

/** A new secret for a confidential client (shown in this answer only); the old one stops working; audited. */
@Injectable()
export class RotateOidcClientSecret {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async execute(
    actor: AdminActor,
    tenantId: TenantId,
    clientId: string,
  ): Promise<OidcClientCreated> {
    return this.dataSource.transaction(async (em) => {
      const store = new OidcClientStore(em);
      const before = await lockClient(store, tenantId, clientId);
      if (before.public)
        throw new BadRequestException({
          error: 'public_client',
          message: 'A public client has no secret to rotate.',
        });
      const clientSecret = (await store.rotateSecret(tenantId, clientId))!;
      await this.audit.recordIn(em, {
        ...adminAudit(actor, tenantId, 'oidc_client.secret_rotated'),
        targetType: 'oidc_client',
        targetId: clientId,
      });
      return { ...view((await store.adminView(tenantId, clientId))!), clientSecret };
    });
  }
}
