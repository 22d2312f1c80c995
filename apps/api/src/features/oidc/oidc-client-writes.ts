import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TenantId } from '@guichet/db';
import type { DataSource } from 'typeorm';
import { type AdminActor, adminAudit } from '../admin/access/admin-request.js';
import { AuditLog } from '../../platform/audit/audit-log.js';
import { type AppConfig, CONFIG } from '../../platform/config/config.js';
import { OidcClientStore } from './oidc-client-store.js';
import { assertClientUris, type ClientUris } from './oidc-clients.shared.js';

/** What a change to a client answers, and the audit event it leaves. */
export interface ClientWrite<T> {
  result: T;
  clientId: string;
  /** `oidc_client.<action>`. */
  action: 'created' | 'updated' | 'secret_rotated' | 'deleted';
  before?: Record<string, unknown>;
  details?: Record<string, unknown>;
}

/**
 * Every admin change to a tenant's OpenID Connect clients goes through here: the URIs
 * checked against the platform's rules, the change and its audit event in one transaction.
 */
@Injectable()
export class OidcClientWrites {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  /** 400 naming every URI the platform refuses. */
  checkUris(input: ClientUris): void {
    assertClientUris(input, this.config);
  }

  async write<T>(
    actor: AdminActor,
    tenantId: TenantId,
    change: (store: OidcClientStore) => Promise<ClientWrite<T>>,
  ): Promise<T> {
    return this.dataSource.transaction(async (em) => {
      const { result, clientId, action, before, details } = await change(new OidcClientStore(em));
      await this.audit.recordIn(em, {
        ...adminAudit(actor, tenantId, `oidc_client.${action}`),
        targetType: 'oidc_client',
        targetId: clientId,
        ...(before && { before }),
        ...(details && { details }),
      });
      return result;
    });
  }
}
