import type { AcceptedResponse } from '@guichet/types';

/** The reply of forgot-password and enrolment, whatever the account (or its absence). */
export const ACCEPTED: AcceptedResponse = Object.freeze({
  status: 'accepted',
  message: 'If an account matches, an email is on its way to the address on file for it.',
});
