import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type TenantId, TenantSettingsRepository, UsersRepository } from '@guichet/db';
import type { AdminUserView } from '@guichet/types';
import type { DataSource } from 'typeorm';
import { type AdminActor, adminAudit } from '../access/admin-request.js';
import { AuditLog } from '../../../platform/audit/audit-log.js';
import type { PendingLogout } from '../../oidc/oidc-revocation.js';
import { RateLimits } from '../../../platform/security/rate-limits.js';
import { DisableAccount } from './disable-account.usecase.js';
import { auditState, findUser, USER_NOT_FOUND, type UserAction } from './tenant-users.shared.js';

const AUDIT_ACTION: Record<UserAction, string> = {
  disable: 'user.disabled',
  enable: 'user.enabled',
  unlock: 'user.unlocked',
};

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
    private readonly disableAccount: DisableAccount,
  ) {}

  async execute(
    actor: AdminActor,
    tenantId: TenantId,
    userId: string,
    action: UserAction,
  ): Promise<AdminUserView> {
    let logouts: PendingLogout[] = [];
    const result = await this.dataSource.transaction(async (em) => {
      const before = await findUser(em, tenantId, userId, true);
      if (!before) throw new NotFoundException(USER_NOT_FOUND);
      const users = new UsersRepository(em);
      if (action === 'disable') {
        logouts = await this.disableAccount.execute(tenantId, userId, em);
      } else if (action === 'enable') {
        await users.setStatus(tenantId, userId, 'active');
      } else {
        await users.unlock(tenantId, userId);
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
    // Committed: every API process drops the account's sessions before this answers.
    if (action === 'disable') await this.disableAccount.notify(tenantId, logouts, [userId]);
    if (action === 'unlock') {
      const row = await new TenantSettingsRepository(this.dataSource).get(tenantId);
      const { maxFailures, lockMinutes } = row!.settings.lockout;
      await this.rateLimits
        .accountFailures(maxFailures, lockMinutes)
        .reset(`${tenantId}:${result.username}`);
    }
    return result;
  }
}
