import { Injectable } from '@nestjs/common';
import { type AccountEmailInput, type AccountEmailOutcome, AccountEmails } from '../outbox/account-emails.js';

/**
 * Forgot password: an enrolled account gets a reset link, an account not enrolled yet the
 * enrolment link (its first password is set the same way). Runs after the 202 went out.
 */
@Injectable()
export class RequestPasswordReset {
  constructor(private readonly emails: AccountEmails) {}

  execute(input: AccountEmailInput): Promise<AccountEmailOutcome | 'unknown_account'> {
    return this.emails.requestByUsername(input, 'recovery.requested', (account) => (account.enrolled ? 'password-reset' : 'enrolment'));
  }
}
