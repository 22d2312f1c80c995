import { BadRequestException, ConflictException, Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { Encryptor } from '@guichet/platform';
import type { TotpEnabledResponse } from '@guichet/types';
import type { DataSource } from 'typeorm';
import { AuditLog } from '../../../platform/audit/audit-log.js';
import { type AppConfig, CONFIG } from '../../../platform/config/config.js';
import { type AdminActor } from '../access/admin-request.js';
import { AdminLockout } from './admin-lockout.js';
import { ADMIN_TOKEN_SECONDS, signAdminToken } from '../access/admin-tokens.js';
import { TotpChecks } from './totp-checks.js';
import { totpState, switchTotp, checkWithinBudget } from './admin-totp.shared.js';

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
