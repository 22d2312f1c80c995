import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SessionLiveness } from '../auth/session-liveness.js';
import { AuditLog } from '../audit/audit-log.js';
import type { RequestMeta } from '../request/request-meta.js';
import type { TenantContext } from '../tenancy/tenant-context.js';
import { BackchannelLogouts } from './backchannel-logouts.js';
import { endOidcGrantsOf } from './oidc-revocation.js';

/** Ends every portal session of the person and everything applications hold for them. */
@Injectable()
export class SignOutEverywhere {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly logouts: BackchannelLogouts,
    private readonly liveness: SessionLiveness,
  ) {}

  async execute(tenant: TenantContext, userId: string, meta: RequestMeta): Promise<void> {
    const ended = await this.dataSource.transaction(async (em) => {
      const [, sessionsRevoked] = await em.query<[unknown[], number]>(
        `UPDATE refresh_sessions SET revoked_at = now() WHERE tenant_id = $1 AND user_id = $2 AND revoked_at IS NULL`,
        [tenant.id, userId],
      );
      const oidc = await endOidcGrantsOf(em, tenant.id, userId);
      await this.audit.recordIn(em, {
        tenantId: tenant.id,
        action: 'auth.logout.everywhere',
        actorType: 'user',
        actorId: userId,
        targetType: 'user',
        targetId: userId,
        details: { sessionsRevoked, oidcArtefacts: oidc.artefacts },
        meta,
      });
      return oidc;
    });
    // Committed: every API process drops the account's sessions before this answers.
    await this.liveness.ended(tenant.id, [userId]);
    this.logouts.send(tenant.id, ended.logouts);
  }
}
