import { AuditEventsRepository, ScimTokensRepository, type TenantId } from '@guichet/db';
import type { ScimTokenView } from '@guichet/types';
import type { DataSource } from 'typeorm';
import { AuditLog } from '../../platform/audit/audit-log.js';
import { type TokenActor, toTokenView } from './scim-token-view.js';

/** Revokes a live token of the tenant (refused from the next request on); null when it has none with this id. Audited (`scim-token.revoked`). */
export class RevokeScimToken {
  constructor(private readonly dataSource: DataSource) {}

  async execute(
    tenantId: TenantId,
    tokenId: string,
    actor: TokenActor,
  ): Promise<ScimTokenView | null> {
    return this.dataSource.transaction(async (em) => {
      const revoked = await new ScimTokensRepository(em).revoke(tenantId, tokenId);
      if (!revoked) return null;
      await new AuditLog(new AuditEventsRepository(this.dataSource)).recordIn(em, {
        tenantId,
        action: 'scim-token.revoked',
        actorType: actor.type,
        actorId: actor.id,
        targetType: 'scim-token',
        targetId: tokenId,
        before: { name: revoked.name, revokedAt: null },
        details: { name: revoked.name, revokedAt: revoked.revokedAt!.toISOString() },
        meta: actor.meta ?? null,
      });
      return toTokenView(revoked);
    });
  }
}
