import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TenantId } from '@guichet/db';
import type { OidcClientView } from '@guichet/types';
import type { DataSource } from 'typeorm';
import { type AdminActor, adminAudit } from '../admin/access/admin-request.js';
import { AuditLog } from '../../platform/audit/audit-log.js';
import { type AppConfig, CONFIG } from '../../platform/config/config.js';
import { type OidcClientChanges, OidcClientStore } from './oidc-client-store.js';
import { assertClientUris, auditState, lockClient, view } from './oidc-clients.shared.js';

/** Changes a client's name, URIs or first-party flag; audited with before/after. */
@Injectable()
export class UpdateOidcClient {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(
    actor: AdminActor,
    tenantId: TenantId,
    clientId: string,
    changes: OidcClientChanges,
  ): Promise<OidcClientView> {
    assertClientUris(changes, this.config);
    return this.dataSource.transaction(async (em) => {
      const store = new OidcClientStore(em);
      const before = await lockClient(store, tenantId, clientId);
      await store.update(tenantId, clientId, changes);
      const after = view((await store.adminView(tenantId, clientId))!);
      await this.audit.recordIn(em, {
        ...adminAudit(actor, tenantId, 'oidc_client.updated'),
        targetType: 'oidc_client',
        targetId: clientId,
        before: auditState(view(before)),
        details: auditState(after),
      });
      return after;
    });
  }
}
