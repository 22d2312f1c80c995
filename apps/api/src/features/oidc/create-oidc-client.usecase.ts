import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TenantId } from '@guichet/db';
import type { OidcClientCreated } from '@guichet/types';
import type { DataSource } from 'typeorm';
import { type AdminActor, adminAudit } from '../admin/access/admin-request.js';
import { AuditLog } from '../../platform/audit/audit-log.js';
import { type AppConfig, CONFIG } from '../../platform/config/config.js';
import { type NewOidcClient, OidcClientStore } from './oidc-client-store.js';
import { assertClientUris, auditState, view } from './oidc-clients.shared.js';

/** Registers a client of the tenant: a confidential one's secret is shown once, stored hashed; audited. */
@Injectable()
export class CreateOidcClient {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(
    actor: AdminActor,
    tenantId: TenantId,
    input: NewOidcClient,
  ): Promise<OidcClientCreated> {
    assertClientUris(input, this.config);
    return this.dataSource.transaction(async (em) => {
      const store = new OidcClientStore(em);
      const { clientId, clientSecret } = await store.create(tenantId, input);
      const created = view((await store.adminView(tenantId, clientId))!);
      await this.audit.recordIn(em, {
        ...adminAudit(actor, tenantId, 'oidc_client.created'),
        targetType: 'oidc_client',
        targetId: clientId,
        details: auditState(created),
      });
      return clientSecret ? { ...created, clientSecret } : created;
    });
  }
}
