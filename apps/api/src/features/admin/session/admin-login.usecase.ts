import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { type AdminAccount, AdminAccountsRepository } from '@guichet/db';
import { Encryptor } from '@guichet/platform';
import type { AdminLoginRequest, AdminLoginResponse } from '@guichet/types';
import { AuditLog } from '../../../platform/audit/audit-log.js';
import { type AppConfig, CONFIG } from '../../../platform/config/config.js';
import { PasswordHasher } from '../../../platform/crypto/password-hasher.js';
import type { RequestMeta } from '../../../platform/request/request-meta.js';
import { ClientLimits } from '../../../platform/security/client-limits.js';
import type { Reservation } from '../../../platform/security/rate-limits.js';
import { ADMIN_TOKEN_SECONDS, signAdminToken } from '../access/admin-tokens.js';
import { ADMIN_LOCK_MINUTES, AdminLockout, signInKey } from './admin-lockout.js';
import { TotpChecks } from './totp-checks.js';

const FAILURE = { error: 'invalid_credentials', message: 'Incorrect email or password.' };
const TOTP_MISSING = {
  error: 'totp_required',
  message: 'Enter the 6-digit code of your authenticator app.',
};
const TOTP_WRONG = {
  error: 'totp_required',
  message: 'This code is incorrect or expired: enter the current code of your authenticator app.',
};

type FailureReason = 'unknown_account' | 'locked' | 'disabled' | 'wrong_password' | 'wrong_totp';

/**
 * Admin sign-in: argon2id password, then the TOTP code when the second factor is on. Each
 * attempt reserves one of the email's attempts (known or not) before anything is checked,
 * and a right password gives it back when it was refused for another reason (disabled, code
 * missing) — so a burst of parallel guesses gets `ADMIN_MAX_FAILURES` checks per lock time,
 * password and code alike; a refused attempt verifies against the dummy hash. Wrong answers
 * and refused attempts also count towards the address's limit (`admin-login-ip`: then 429
 * with Retry-After before any hashing, audited once in the platform log); a locked, disabled
 * or unknown account gets the same 401 as a wrong password (after the same argon2 work).
 */
@Injectable()
export class AdminLogin {
  constructor(
    private readonly admins: AdminAccountsRepository,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly encryptor: Encryptor,
    private readonly audit: AuditLog,
    private readonly clientLimits: ClientLimits,
    private readonly lockout: AdminLockout,
    private readonly totp: TotpChecks,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(input: AdminLoginRequest, meta: RequestMeta): Promise<AdminLoginResponse> {
    // An address over its limit is refused before any hashing.
    await this.clientLimits.assertUnder('admin-login-ip', meta);
    const key = signInKey(input.email);
    const [admin, reservation] = await Promise.all([
      this.admins.byEmail(input.email),
      this.lockout.signIn.reserve(key),
    ]);
    const locked =
      !reservation.granted || (admin?.lockedUntil != null && admin.lockedUntil > new Date());
    // Same argon2 work whether or not the account exists, and whether or not the attempt may be checked.
    const valid = await this.hasher.verify(
      locked ? null : (admin?.passwordHash ?? null),
      input.password,
    );
    if (!admin || !valid) {
      await this.fail(
        admin,
        key,
        reservation,
        meta,
        !admin ? 'unknown_account' : locked ? 'locked' : 'wrong_password',
      );
      throw new UnauthorizedException(FAILURE);
    }
    if (admin.status !== 'active') {
      // A right password on a disabled account: nothing guessed, the attempt is given back.
      await this.lockout.signIn.refund(key);
      await this.auditFailure(admin, meta, 'disabled');
      throw new UnauthorizedException(FAILURE);
    }

    let totpStep: number | null = null;
    if (admin.totpSecretCiphertext) {
      const code = input.totpCode ?? input.totp;
      if (!code) {
        await this.lockout.signIn.refund(key);
        throw new UnauthorizedException(TOTP_MISSING);
      }
      const lastStep = admin.totpLastStep === null ? null : Number(admin.totpLastStep);
      totpStep = await this.totp.check(
        this.encryptor.decrypt(admin.totpSecretCiphertext),
        code,
        lastStep,
      );
      if (totpStep === null) {
        await this.fail(admin, key, reservation, meta, 'wrong_totp');
        throw new UnauthorizedException(TOTP_WRONG);
      }
    }

    // The step is recorded only if no other sign-in used it meanwhile.
    if (!(await this.admins.signedIn(admin.id, totpStep))) {
      await this.fail(admin, key, reservation, meta, 'wrong_totp');
      throw new UnauthorizedException(TOTP_WRONG);
    }
    await this.lockout.signIn.reset(key);

    const view = await this.admins.view(admin.id);
    if (!view) throw new UnauthorizedException(FAILURE);
    const accessToken = await signAdminToken(this.jwt, this.config, view, admin.tokenVersion);
    await this.audit.record({
      tenantId: null,
      action: 'admin.login.succeeded',
      actorType: 'admin',
      actorId: admin.id,
      targetType: 'admin',
      targetId: admin.id,
      details: { secondFactor: totpStep !== null },
      meta,
    });
    return { accessToken, token: accessToken, expiresIn: ADMIN_TOKEN_SECONDS, admin: view };
  }

  /**
   * A wrong answer, or an attempt refused by the lock: counted for the address (spraying many
   * emails) and on the account; the last attempt of the budget locks the account.
   */
  private async fail(
    admin: AdminAccount | null,
    key: string,
    reservation: Reservation,
    meta: RequestMeta,
    reason: FailureReason,
  ): Promise<void> {
    const [lockedNow] = await Promise.all([
      this.lockout.signIn.failed(key, reservation),
      this.clientLimits.countFailure('admin-login-ip', null, meta),
    ]);
    if (!admin) return this.auditFailure(null, meta, reason);
    await this.admins.signInFailed(admin.id, lockedNow ? ADMIN_LOCK_MINUTES : null);
    await this.auditFailure(admin, meta, reason);
    if (lockedNow) {
      await this.audit.record({
        tenantId: null,
        action: 'admin.locked',
        actorType: 'system',
        targetType: 'admin',
        targetId: admin.id,
        details: { failures: reservation.rank, lockMinutes: ADMIN_LOCK_MINUTES },
        meta,
      });
    }
  }

  private auditFailure(
    admin: AdminAccount | null,
    meta: RequestMeta,
    reason: FailureReason,
  ): Promise<void> {
    return this.audit.record({
      tenantId: null,
      action: 'admin.login.failed',
      actorType: 'anonymous',
      targetType: admin ? 'admin' : null,
      targetId: admin?.id ?? null,
      details: { reason },
      meta,
    });
  }
}
