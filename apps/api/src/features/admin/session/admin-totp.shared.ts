import { BadRequestException, ConflictException } from '@nestjs/common';
import type { AdminView } from '@guichet/types';
import type { DataSource } from 'typeorm';
import { AuditLog } from '../../../platform/audit/audit-log.js';
import { TooManyRequestsException } from '../../../platform/security/too-many-requests.exception.js';
import { type AdminActor, adminAudit } from '../access/admin-request.js';
import { loadAdminView } from '../access/admin-auth.guard.js';
import { ADMIN_LOCK_MINUTES, AdminLockout } from './admin-lockout.js';
import { TotpChecks } from './totp-checks.js';

export const WRONG_CODE = {
  error: 'invalid_code',
  message: 'This code is incorrect or expired: enter the current code of your authenticator app.',
  fields: { code: ['incorrect or expired code'] },
};

export interface TotpState {
  active: string | null;
  pending: string | null;
  lastStep: string | null;
}

export async function totpState(db: DataSource, adminId: string): Promise<TotpState> {
  const [row] = await db.query<TotpState[]>(
    `SELECT totp_secret_ciphertext AS active, totp_pending_ciphertext AS pending, totp_last_step AS "lastStep" FROM admin_accounts WHERE id = $1`,
    [adminId],
  );
  if (!row) throw new Error(`admin ${adminId} vanished`);
  return row;
}

/**
 * Writes the second factor on or off (`update` takes the admin id as $1, then `params`), audits
 * it, and returns the admin as it now is; 409 when the update matched nothing (changed meanwhile).
 */
export async function switchTotp(
  db: DataSource,
  audit: AuditLog,
  actor: AdminActor,
  enabled: boolean,
  update: string,
  params: unknown[] = [],
): Promise<{ view: AdminView; tokenVersion: number }> {
  const tokenVersion = await db.transaction(async (em) => {
    const [rows, changed] = await em.query<[{ token_version: number }[], number]>(
      `${update} RETURNING token_version`,
      [actor.admin.id, ...params],
    );
    if (!changed)
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
    return rows[0]!.token_version;
  });
  return { view: (await loadAdminView(db, actor.admin.id))!, tokenVersion };
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
