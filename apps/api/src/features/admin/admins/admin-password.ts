import { BadRequestException } from '@nestjs/common';
import { evaluatePassword, violationMessage } from '@guichet/rules';
import { DEFAULT_PASSWORD_POLICY, type Locale, type PasswordPolicy } from '@guichet/types';

/**
 * The platform floor of administrator passwords, whoever sets them (creation, or a platform
 * admin setting another's): at least 12 characters (the schema's minimum, checked in the app
 * too), not a common password, not containing the part of the email before the @. Above
 * any tenant's floor: an administrator can change every account of a tenant.
 */
export const ADMIN_PASSWORD_POLICY: Readonly<PasswordPolicy> = Object.freeze({
  ...DEFAULT_PASSWORD_POLICY,
  minLength: 12,
  maxLength: 1024,
});

/** 400 `invalid_body` with the reasons under `fields.password` (in the admin's language) when the password is under the floor. */
export function assertAdminPassword(password: string, email: string, locale: Locale): void {
  const { violations } = evaluatePassword(ADMIN_PASSWORD_POLICY, password, {
    username: email.split('@')[0] ?? '',
  });
  if (violations.length === 0) return;
  throw new BadRequestException({
    error: 'invalid_body',
    message: 'This password is not accepted for an administrator.',
    fields: { password: violations.map((v) => violationMessage(v, locale)) },
  });
}
