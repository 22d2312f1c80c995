import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { findAccountId } from '../accounts/account-queries.js';
import { AuditLog } from '../audit/audit-log.js';
import { type AccountEmailInput, type AccountEmailOutcome, AccountEmails } from '../outbox/account-emails.js';

/**
 * Forgot password: an enrolled account gets a reset link, an account not enrolled yet the
 * enrolment link (its first password is set the same way). Runs after the 202 went out.
 */
@Injectable()
export class RequestPasswordReset {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly emails: AccountEmails,
    private readonly audit: AuditLog,
  ) {}

  async execute(input: AccountEmailInput): Promise<AccountEmailOutcome | 'unknown_account'> {
    const action = 'recovery.requested';
    const userId = await findAccountId(this.dataSource, input.tenant.id, input.username);
    if (!userId) {
      await this.audit.record({ tenantId: input.tenant.id, action, actorType: 'anonymous', details: { outcome: 'unknown_account' }, meta: input.meta });
      return 'unknown_account';
    }
    const outcome = await this.emails.send({
      tenant: input.tenant,
      userId,
      locale: input.locale,
      action,
      meta: input.meta,
      choose: (account) => (account.enrolled ? 'password-reset' : 'enrolment'),
    });
    if (outcome === 'ineligible') {
      await this.audit.record({ tenantId: input.tenant.id, action, actorType: 'anonymous', targetType: 'user', targetId: userId, details: { outcome: 'account_disabled' }, meta: input.meta });
    }
    return outcome;
  }
}
