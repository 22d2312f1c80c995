import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TenantId } from '@guichet/db';
import type { Locale, SendResetResponse } from '@guichet/types';
import type { DataSource } from 'typeorm';
import { type AdminActor } from '../access/admin-request.js';
import { AccountEmails } from '../../../platform/outbox/account-emails.js';
import { offeredLocale } from '../tenants/tenants.shared.js';
import { findUser, loadTenantContext, USER_NOT_FOUND } from './tenant-users.shared.js';

/**
 * An admin sends an account its reset link (the enrolment link when it is not enrolled yet),
 * through the same outbox path as the portal's forgot-password, to the stored address only.
 */
@Injectable()
export class SendUserReset {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly emails: AccountEmails,
  ) {}

  async execute(
    actor: AdminActor,
    tenantId: TenantId,
    userId: string,
    locale: Locale | undefined,
  ): Promise<SendResetResponse> {
    const user = await findUser(this.dataSource, tenantId, userId);
    if (!user) throw new NotFoundException(USER_NOT_FOUND);
    if (user.status !== 'active')
      throw new ConflictException({
        error: 'account_disabled',
        message: 'This account is disabled: enable it first.',
      });
    const tenant = await loadTenantContext(this.dataSource, tenantId);
    const result = await this.emails.deliver({
      tenant,
      userId,
      locale: offeredLocale(tenant.settings, locale),
      action: 'user.reset.sent',
      meta: actor.meta,
      actor: { type: 'admin', id: actor.admin.id },
      choose: (account) => (account.enrolled ? 'password-reset' : 'enrolment'),
    });
    if (result.outcome === 'ineligible')
      throw new ConflictException({
        error: 'account_disabled',
        message: 'This account is disabled: enable it first.',
      });
    // `kept` is for portal requests only (an admin's request always sends a new link).
    return {
      outcome: result.outcome === 'throttled' ? 'throttled' : 'sent',
      kind: result.kind === 'password-reset' || result.kind === 'enrolment' ? result.kind : null,
      deliveryId: result.outboxId,
    };
  }
}
