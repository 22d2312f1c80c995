import { BadRequestException, ConflictException, Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { Encryptor } from '@guichet/platform';
import type { AdminView, TotpEnabledResponse, TotpSetupResponse } from '@guichet/types';
import type { DataSource } from 'typeorm';
import { AuditLog } from '../../../platform/audit/audit-log.js';
import { type AppConfig, CONFIG } from '../../../platform/config/config.js';
import { TooManyRequestsException } from '../../../platform/security/too-many-requests.exception.js';
import { type AdminActor, adminAudit } from '../access/admin-request.js';
import { loadAdminView } from '../access/admin-auth.guard.js';
import { ADMIN_LOCK_MINUTES, AdminLockout } from './admin-lockout.js';
import { ADMIN_TOKEN_SECONDS, signAdminToken } from '../access/admin-tokens.js';
import { TotpChecks } from './totp-checks.js';
import { newTotpSecret, totpUri } from './totp.js';

const WRONG_CODE = {
  error: 'invalid_code',
  message: 'This code is incorrect or expired: enter the current code of your authenticator app.',
  fields: { code: ['incorrect or expired code'] },
};

interface TotpState {
  active: string | null;
  pending: string | null;
  lastStep: string | null;
}

async function totpState(db: DataSource, adminId: string): Promise<TotpState> {
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
async function switchTotp(
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

/** A new secret for the signed-in admin, kept (encrypted) as pending until a code from it is confirmed. */
@Injectable()
export class SetUpTotp {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly encryptor: Encryptor,
  ) {}

  async execute(actor: AdminActor): Promise<TotpSetupResponse> {
    if ((await totpState(this.dataSource, actor.admin.id)).active) {
      throw new ConflictException({
        error: 'totp_already_enabled',
        message: 'The second factor is already on: turn it off first to change the authenticator.',
      });
    }
    const secret = newTotpSecret();
    await this.dataSource.query(
      'UPDATE admin_accounts SET totp_pending_ciphertext = $2 WHERE id = $1',
      [actor.admin.id, this.encryptor.encrypt(secret)],
    );
    return { secret, otpauthUrl: totpUri(secret, actor.admin.email) };
  }
}

/**
 * Checks a code of the signed-in admin within its budget of attempts (reserved before the
 * check, so parallel guesses get `ADMIN_MAX_FAILURES` checks per lock time): the step of a
 * right code (the budget cleared), else 400 for a wrong code or 429 once the budget is spent.
 */
async function checkWithinBudget(
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
 * Turns the second factor on once the admin proves its app has the pending secret. The
 * confirming code's step counts as used (it cannot sign in afterwards), and every token of
 * the admin ends: whoever signed in with the password alone must sign in again with a code.
 */
@Injectable()
export class EnableTotp {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly encryptor: Encryptor,
    private readonly audit: AuditLog,
    private readonly lockout: AdminLockout,
    private readonly totp: TotpChecks,
    private readonly jwt: JwtService,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(actor: AdminActor, code: string): Promise<TotpEnabledResponse> {
    const state = await totpState(this.dataSource, actor.admin.id);
    if (state.active)
      throw new ConflictException({
        error: 'totp_already_enabled',
        message: 'The second factor is already on.',
      });
    if (!state.pending)
      throw new BadRequestException({
        error: 'totp_not_set_up',
        message: 'Start with POST me/totp/setup.',
      });
    const step = await checkWithinBudget(
      this.lockout,
      this.totp,
      actor.admin.id,
      this.encryptor.decrypt(state.pending),
      code,
      null,
    );
    const { view, tokenVersion } = await switchTotp(
      this.dataSource,
      this.audit,
      actor,
      true,
      `UPDATE admin_accounts SET totp_secret_ciphertext = totp_pending_ciphertext, totp_pending_ciphertext = NULL, totp_last_step = $2,
              token_version = token_version + 1, updated_at = now()
        WHERE id = $1 AND totp_secret_ciphertext IS NULL AND totp_pending_ciphertext = $3`,
      [step, state.pending],
    );
    // This session proved the second factor: it goes on with a token of the new version.
    return {
      ...view,
      accessToken: await signAdminToken(this.jwt, this.config, view, tokenVersion),
      expiresIn: ADMIN_TOKEN_SECONDS,
    };
  }
}

/** Turns the second factor off, with a current code (a stolen token alone cannot), within the same budget of attempts. */
@Injectable()
export class DisableTotp {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly encryptor: Encryptor,
    private readonly audit: AuditLog,
    private readonly lockout: AdminLockout,
    private readonly totp: TotpChecks,
  ) {}

  async execute(actor: AdminActor, code: string): Promise<AdminView> {
    const state = await totpState(this.dataSource, actor.admin.id);
    if (!state.active)
      throw new ConflictException({
        error: 'totp_not_enabled',
        message: 'The second factor is not on.',
      });
    await checkWithinBudget(
      this.lockout,
      this.totp,
      actor.admin.id,
      this.encryptor.decrypt(state.active),
      code,
      state.lastStep === null ? null : Number(state.lastStep),
    );
    const { view } = await switchTotp(
      this.dataSource,
      this.audit,
      actor,
      false,
      'UPDATE admin_accounts SET totp_secret_ciphertext = NULL, totp_pending_ciphertext = NULL, totp_last_step = NULL, updated_at = now() WHERE id = $1 AND totp_secret_ciphertext = $2',
      [state.active],
    );
    return view;
  }
}
