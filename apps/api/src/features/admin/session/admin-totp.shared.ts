import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { AdminAccountsRepository, type TotpState } from '@guichet/db';
import { Encryptor } from '@guichet/platform';
import type { AdminView } from '@guichet/types';
import { AuditLog } from '../../../platform/audit/audit-log.js';
import { TooManyRequestsException } from '../../../platform/security/too-many-requests.exception.js';
import { type AdminActor, adminAudit } from '../access/admin-request.js';
import { ADMIN_LOCK_MINUTES, AdminLockout } from './admin-lockout.js';
import { TotpChecks } from './totp-checks.js';

export const WRONG_CODE = {
  error: 'invalid_code',
  message: 'This code is incorrect or expired: enter the current code of your authenticator app.',
  fields: { code: ['incorrect or expired code'] },
};

export async function totpState(
  admins: AdminAccountsRepository,
  adminId: string,
): Promise<TotpState> {
  const row = await admins.totpState(adminId);
  if (!row) throw new Error(`admin ${adminId} vanished`);
  return row;
}

/**
 * Writes the second factor on or off (`update` answers the token version, or null when it
 * matched nothing), audits it, and returns the admin as it now is; 409 when it matched nothing
 * (changed meanwhile).
 */
export async function switchTotp(
  admins: AdminAccountsRepository,
  audit: AuditLog,
  actor: AdminActor,
  enabled: boolean,
  update: (admins: AdminAccountsRepository) => Promise<number | null>,
): Promise<{ view: AdminView; tokenVersion: number }> {
  const tokenVersion = await admins.transaction(async (tx, em) => {
    const version = await update(tx);
    if (version === null)
      throw new ConflictException({
        error: 'totp_changed',
        message: 'The second factor was changed meanwhile: reload and try again.',
      });
    await audit.recordIn(em, {
      ...adminAudit(actor, null, enabled ? 'admin.totp.enabled' : 'admin.totp.disabled'),
      targetType: 'admin',
      targetId: actor.admin.id,
      before: { totpEnabled: !enabled },
      details: { totpEnabled: enabled },
    });
    return version;
  });
  return { view: (await admins.view(actor.admin.id))!, tokenVersion };
}

/**
 * Checks a code of the signed-in admin within its budget of attempts (reserved before the
 * check, so parallel guesses get `ADMIN_MAX_FAILURES` checks per lock time): the step of a
 * right code (the budget cleared), else 400 for a wrong code or 429 once the budget is spent.
 */
export async function checkWithinBudget(
  lockout: AdminLockout,
  totp: TotpChecks,
  adminId: string,
  secret: string,
  code: string,
  afterStep: number | null,
): Promise<number> {
  const reservation = await lockout.totpChanges.reserve(adminId);
  if (!reservation.granted)
    throw new TooManyRequestsException(ADMIN_LOCK_MINUTES * 60, 'wrong codes');
  const step = await totp.check(secret, code, afterStep);
  if (step === null) {
    await lockout.totpChanges.failed(adminId, reservation);
    throw new BadRequestException(WRONG_CODE);
  }
  await lockout.totpChanges.reset(adminId);
  return step;
}

/**
 * What turning the second factor on and off share, on the admin's own account: its TOTP
 * state, a code checked within the budget of attempts against a stored (encrypted) secret,
 * and the audited switch.
 */
@Injectable()
export class AdminTotpSwitch {
  constructor(
    private readonly admins: AdminAccountsRepository,
    private readonly encryptor: Encryptor,
    private readonly audit: AuditLog,
    private readonly lockout: AdminLockout,
    private readonly totp: TotpChecks,
  ) {}

  state(actor: AdminActor): Promise<TotpState> {
    return totpState(this.admins, actor.admin.id);
  }

  /** `checkWithinBudget` against the secret stored as `ciphertext`. */
  check(actor: AdminActor, ciphertext: string, code: string, afterStep: number | null) {
    const secret = this.encryptor.decrypt(ciphertext);
    return checkWithinBudget(this.lockout, this.totp, actor.admin.id, secret, code, afterStep);
  }

  /** `switchTotp` for the actor's own account. */
  turn(
    actor: AdminActor,
    enabled: boolean,
    update: (admins: AdminAccountsRepository) => Promise<number | null>,
  ) {
    return switchTotp(this.admins, this.audit, actor, enabled, update);
  }
}
