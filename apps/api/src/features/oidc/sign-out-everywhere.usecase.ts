import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RefreshSessionsRepository } from '@guichet/db';
import type { DataSource } from 'typeorm';
import { SessionLiveness } from '../auth/session-liveness.js';
import { AuditLog } from '../../platform/audit/audit-log.js';
import type { RequestMeta } from '../../platform/request/request-meta.js';
import type { TenantContext } from '../../platform/tenancy/tenant-context.js';
import { BackchannelLogouts } from './backchannel-logouts.js';
import { endOidcGrantsOf } from './oidc-revocation.js';

/** Ends every portal session of the person and everything applications hold for them. */
@Injectable()
export class SignOutEverywhere {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: RefreshSessionsRepository,
    private readonly audit: AuditLog,
    private readonly logouts: BackchannelLogouts,
    private readonly liveness: SessionLiveness,
  ) {}

  async execute(tenant: TenantContext, userId: string, meta: RequestMeta): Promise<void> {
    const ended = await this.dataSource.transaction(async (em) => {
      const sessionsRevoked = await this.sessions.in(em).revokeAllOf(tenant.id, [userId]);
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
