import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditLog } from '../audit/audit-log.js';
import { findAccountId } from '../accounts/account-queries.js';
import { type AccountEmailInput, type AccountEmailOutcome, AccountEmails } from '../outbox/account-emails.js';

/**
 * « M'inscrire au service »: an account not enrolled yet gets the enrolment link; an
 * enrolled one gets "you are already registered, here is how to reset". Runs after the 202.
 */
@Injectable()
export class RequestEnrolment {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly emails: AccountEmails,
    private readonly audit: AuditLog,
  ) {}

  async execute(input: AccountEmailInput): Promise<AccountEmailOutcome | 'unknown_account'> {
    const action = 'enrolment.requested';
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
      choose: (account) => (account.enrolled ? 'already-enrolled' : 'enrolment'),
    });
    if (outcome === 'ineligible') {
      await this.audit.record({ tenantId: input.tenant.id, action, actorType: 'anonymous', targetType: 'user', targetId: userId, details: { outcome: 'account_disabled' }, meta: input.meta });
    }
    return outcome;
  }
}
