import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Encryptor } from '@guichet/platform';
import type { AdminView } from '@guichet/types';
import type { DataSource } from 'typeorm';
import { AuditLog } from '../../../platform/audit/audit-log.js';
import { type AdminActor } from '../access/admin-request.js';
import { AdminLockout } from './admin-lockout.js';
import { TotpChecks } from './totp-checks.js';
import { totpState, switchTotp, checkWithinBudget } from './admin-totp.shared.js';

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
