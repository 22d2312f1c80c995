import { Injectable } from '@nestjs/common';
import { type AttemptBudget, RateLimits } from '../../../platform/security/rate-limits.js';

export const ADMIN_MAX_FAILURES = 5;
export const ADMIN_LOCK_MINUTES = 15;

/**
 * The attempt budgets of administrator accounts (Redis, reserved before each check):
 * sign-in attempts per email, known or not (password and second-factor code together), and
 * codes tried to turn the second factor on or off, per admin.
 */
@Injectable()
export class AdminLockout {
  readonly signIn: AttemptBudget;
  readonly totpChanges: AttemptBudget;

  constructor(limits: RateLimits) {
    this.signIn = limits.attempts('admin-login-account', ADMIN_MAX_FAILURES, ADMIN_LOCK_MINUTES);
    this.totpChanges = limits.attempts(
      'admin-totp-account',
      ADMIN_MAX_FAILURES,
      ADMIN_LOCK_MINUTES,
    );
  }
}

/** The sign-in budget's key of an email. */
export const signInKey = (email: string): string => email.toLowerCase();
