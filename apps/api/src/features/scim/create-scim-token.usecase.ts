import { AuditEventsRepository, ScimTokensRepository, type TenantId } from '@guichet/db';
import { hashToken } from '@guichet/platform';
import type { ScimTokenCreated } from '@guichet/types';
import type { DataSource } from 'typeorm';
import { AuditLog } from '../../platform/audit/audit-log.js';
import { newScimToken } from './scim-token.js';
import { type TokenActor, toTokenView } from './scim-token-view.js';
import { scimBaseUrl } from './scim-user-view.js';

/** A new SCIM token of the tenant: returned this once, stored as its SHA-256; audited (`scim-token.created`). Shared by the admin API and the CLI. */
export class CreateScimToken {
  constructor(private readonly dataSource: DataSource) {}

  async execute(
    tenant: { id: TenantId; publicUrl: string },
    name: string,
    actor: TokenActor,
  ): Promise<ScimTokenCreated> {
    const token = newScimToken();
    const created = await this.dataSource.transaction(async (em) => {
      const row = await new ScimTokensRepository(em).insert(tenant.id, {
        name,
        tokenHash: hashToken(token),
        createdBy: actor.id,
      });
      await new AuditLog(new AuditEventsRepository(this.dataSource)).recordIn(em, {
        tenantId: tenant.id,
        action: 'scim-token.created',
        actorType: actor.type,
        actorId: actor.id,
        targetType: 'scim-token',
        targetId: row.id,
        details: { name },
        meta: actor.meta ?? null,
      });
      return row;
    });
    return { ...toTokenView(created), token, scimUrl: scimBaseUrl(tenant.publicUrl) };
  }
}
