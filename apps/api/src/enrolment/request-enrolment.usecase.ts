import { Injectable } from '@nestjs/common';
import { type AccountEmailInput, type AccountEmailOutcome, AccountEmails } from '../outbox/account-emails.js';

/**
 * « M'inscrire au service »: an account not enrolled yet gets the enrolment link; an
 * enrolled one gets "you are already registered, here is how to reset". Runs after the 202.
 */
@Injectable()
export class RequestEnrolment {
  constructor(private readonly emails: AccountEmails) {}

  execute(input: AccountEmailInput): Promise<AccountEmailOutcome | 'unknown_account'> {
    return this.emails.requestByUsername(input, 'enrolment.requested', (account) => (account.enrolled ? 'already-enrolled' : 'enrolment'));
  }
}
