import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { AdminAccount } from '@guichet/db';
import { Encryptor } from '@guichet/platform';
import type { AdminLoginRequest, AdminLoginResponse } from '@guichet/types';
import type { DataSource } from 'typeorm';
import { AuditLog } from '../audit/audit-log.js';
import { type AppConfig, CONFIG } from '../config/config.js';
import { PasswordHasher } from '../crypto/password-hasher.js';
import type { RequestMeta } from '../request/request-meta.js';
import { ClientLimits } from '../security/client-limits.js';
import { loadAdminView } from './admin-auth.guard.js';
import { ADMIN_AUDIENCE, ADMIN_TOKEN_SECONDS } from './admin-tokens.js';
import { checkTotp } from './totp.js';

export const ADMIN_MAX_FAILURES = 5;
export const ADMIN_LOCK_MINUTES = 15;
const FAILURE = { error: 'invalid_credentials', message: 'Incorrect email or password.' };
const TOTP_MISSING = { error: 'totp_required', message: 'Enter the 6-digit code of your authenticator app.' };
const TOTP_WRONG = { error: 'totp_required', message: 'This code is incorrect or expired: enter the current code of your authenticator app.' };

/**
 * Admin sign-in: argon2id password, then the TOTP code when the second factor is on. Wrong
 * passwords and wrong codes count towards the account's lockout and, with unknown emails,
 * towards the address's limit (`admin-login-ip`: then 429 with Retry-After before any
 * hashing, audited once in the platform log); a locked, disabled or unknown account gets
 * the same 401 as a wrong password (after the same argon2 work).
 */
@Injectable()
export class AdminLogin {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly encryptor: Encryptor,
    private readonly audit: AuditLog,
    private readonly clientLimits: ClientLimits,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(input: AdminLoginRequest, meta: RequestMeta): Promise<AdminLoginResponse> {
    // An address over its limit is refused before any hashing.
    await this.clientLimits.assertUnder('admin-login-ip', meta);
    const accounts = this.dataSource.getRepository(AdminAccount);
    const admin = await accounts.findOneBy({ email: input.email.toLowerCase() });
    // Same argon2 work whether or not the account exists.
    const valid = await this.hasher.verify(admin?.passwordHash ?? null, input.password);
    const locked = admin?.lockedUntil != null && admin.lockedUntil > new Date();
    if (!admin || !valid || locked || admin.status !== 'active') {
      // A wrong password counts for the address whatever the account (spraying many emails);
      // a right one on a locked or disabled account does not.
      if (!valid) await this.clientLimits.countFailure('admin-login-ip', null, meta);
      if (admin && !valid) await this.countFailure(admin, meta, 'wrong_password');
      else await this.audit.record({ tenantId: null, action: 'admin.login.failed', actorType: 'anonymous', targetType: admin ? 'admin' : null, targetId: admin?.id ?? null, details: { reason: !admin ? 'unknown_account' : locked ? 'locked' : 'disabled' }, meta });
      throw new UnauthorizedException(FAILURE);
    }

    let totpStep: number | null = null;
    if (admin.totpSecretCiphertext) {
      const code = input.totpCode ?? input.totp;
      if (!code) throw new UnauthorizedException(TOTP_MISSING);
      const lastStep = admin.totpLastStep === null ? null : Number(admin.totpLastStep);
      totpStep = await checkTotp(this.encryptor.decrypt(admin.totpSecretCiphertext), code, lastStep);
      if (totpStep === null) {
        await Promise.all([this.countFailure(admin, meta, 'wrong_totp'), this.clientLimits.countFailure('admin-login-ip', null, meta)]);
        throw new UnauthorizedException(TOTP_WRONG);
      }
    }

    // The step is recorded only if no other sign-in used it meanwhile.
    const [, updated] = await this.dataSource.query<[unknown, number]>(
      `UPDATE admin_accounts SET failed_logins = 0, locked_until = NULL, last_login_at = now(),
              totp_last_step = COALESCE($2, totp_last_step)
        WHERE id = $1 AND ($2::bigint IS NULL OR totp_last_step IS NULL OR totp_last_step < $2)`,
      [admin.id, totpStep],
    );
    if (!updated) throw new UnauthorizedException(TOTP_WRONG);

    const view = await loadAdminView(this.dataSource, admin.id);
    if (!view) throw new UnauthorizedException(FAILURE);
    const accessToken = await this.jwt.signAsync(
      { email: view.email, role: view.role },
      { subject: admin.id, audience: ADMIN_AUDIENCE, issuer: `${this.config.PUBLIC_URL_SCHEME}://${this.config.adminHost}`, expiresIn: ADMIN_TOKEN_SECONDS },
    );
    await this.audit.record({ tenantId: null, action: 'admin.login.succeeded', actorType: 'admin', actorId: admin.id, targetType: 'admin', targetId: admin.id, details: { secondFactor: totpStep !== null }, meta });
    return { accessToken, token: accessToken, expiresIn: ADMIN_TOKEN_SECONDS, admin: view };
  }

  private async countFailure(admin: AdminAccount, meta: RequestMeta, reason: 'wrong_password' | 'wrong_totp'): Promise<void> {
    const [rows] = await this.dataSource.query<[{ failed_logins: number; locked: boolean }[], number]>(
      `UPDATE admin_accounts SET
              failed_logins = CASE WHEN failed_logins + 1 >= $2 THEN 0 ELSE failed_logins + 1 END,
              locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
        WHERE id = $1
        RETURNING failed_logins, locked_until > now() AS locked`,
      [admin.id, ADMIN_MAX_FAILURES, ADMIN_LOCK_MINUTES],
    );
    const lockedNow = rows[0]?.locked === true && !(admin.lockedUntil && admin.lockedUntil > new Date());
    await this.audit.record({ tenantId: null, action: 'admin.login.failed', actorType: 'anonymous', targetType: 'admin', targetId: admin.id, details: { reason }, meta });
    if (lockedNow) {
      await this.audit.record({ tenantId: null, action: 'admin.locked', actorType: 'system', targetType: 'admin', targetId: admin.id, details: { failures: ADMIN_MAX_FAILURES, lockMinutes: ADMIN_LOCK_MINUTES }, meta });
    }
  }
}
