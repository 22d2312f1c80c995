import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AdminUserView, TenantSettings } from '@guichet/types';
import type { DataSource } from 'typeorm';
import { type AdminActor, adminAudit } from '../access/admin-request.js';
import { AuditLog } from '../../../platform/audit/audit-log.js';
import { BackchannelLogouts } from '../../oidc/backchannel-logouts.js';
import { endOidcGrantsOf, type PendingLogout } from '../../oidc/oidc-revocation.js';
import { RateLimits } from '../../../platform/security/rate-limits.js';
import {
  USER_NOT_FOUND,
  auditState,
  findUser,
  UserAction,
  AUDIT_ACTION,
} from './tenant-users.shared.js';

/**
 * Disable (sessions revoked, pending links voided), enable, or unlock (failure count and
 * lockout cleared, in PostgreSQL and in Redis) an account; audited with before/after.
 */
@Injectable()
export class ChangeUserStatus {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly rateLimits: RateLimits,
    private readonly logouts: BackchannelLogouts,
  ) {}

  async execute(
    actor: AdminActor,
    tenantId: string,
    userId: string,
    action: UserAction,
  ): Promise<AdminUserView> {
    let logouts: PendingLogout[] = [];
    const result = await this.dataSource.transaction(async (em) => {
      const before = await findUser(em, tenantId, userId, true);
      if (!before) throw new NotFoundException(USER_NOT_FOUND);
      if (action === 'disable') {
        await em.query(
          `UPDATE users SET status = 'disabled', updated_at = now() WHERE tenant_id = $1 AND id = $2`,
          [tenantId, userId],
        );
        await em.query(
          `UPDATE refresh_sessions SET revoked_at = now() WHERE tenant_id = $1 AND user_id = $2 AND revoked_at IS NULL`,
          [tenantId, userId],
        );
        ({ logouts } = await endOidcGrantsOf(em, tenantId, userId));
        await em.query(
          `UPDATE action_tokens SET voided_at = now() WHERE tenant_id = $1 AND user_id = $2 AND consumed_at IS NULL AND voided_at IS NULL`,
          [tenantId, userId],
        );
      } else if (action === 'enable') {
        await em.query(
          `UPDATE users SET status = 'active', updated_at = now() WHERE tenant_id = $1 AND id = $2`,
          [tenantId, userId],
        );
      } else {
        await em.query(
          `UPDATE users SET failed_logins = 0, locked_until = NULL, updated_at = now() WHERE tenant_id = $1 AND id = $2`,
          [tenantId, userId],
        );
      }
      const after = (await findUser(em, tenantId, userId))!;
      await this.audit.recordIn(em, {
        ...adminAudit(actor, tenantId, AUDIT_ACTION[action]),
        targetType: 'user',
        targetId: userId,
        before: auditState(before),
        details: auditState(after),
      });
      return after;
    });
    this.logouts.send(tenantId, logouts);
    if (action === 'unlock') {
      const [row] = await this.dataSource.query<{ settings: TenantSettings }[]>(
        'SELECT settings FROM tenant_settings WHERE tenant_id = $1',
        [tenantId],
      );
      const { maxFailures, lockMinutes } = row!.settings.lockout;
      await this.rateLimits
        .accountFailures(maxFailures, lockMinutes)
        .reset(`${tenantId}:${result.username}`);
    }
    return result;
  }
}
