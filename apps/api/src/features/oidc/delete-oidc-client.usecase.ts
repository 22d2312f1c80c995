import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TenantId } from '@guichet/db';
import type { DataSource } from 'typeorm';
import { type AdminActor, adminAudit } from '../admin/access/admin-request.js';
import { AuditLog } from '../../platform/audit/audit-log.js';
import { OidcClientStore } from './oidc-client-store.js';
import { auditState, lockClient, view } from './oidc-clients.shared.js';

/** Deletes a client of the tenant with its grants and tokens; audited. */
@Injectable()
export class DeleteOidcClient {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async execute(actor: AdminActor, tenantId: TenantId, clientId: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const store = new OidcClientStore(em);
      const before = await lockClient(store, tenantId, clientId);
      await store.delete(tenantId, clientId);
      await this.audit.recordIn(em, {
        ...adminAudit(actor, tenantId, 'oidc_client.deleted'),
        targetType: 'oidc_client',
        targetId: clientId,
        before: auditState(view(before)),
      });
    });
  }
}
