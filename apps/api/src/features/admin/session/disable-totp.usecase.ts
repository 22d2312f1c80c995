import { ConflictException, Injectable } from '@nestjs/common';
import { AdminAccountsRepository } from '@guichet/db';
import { Encryptor } from '@guichet/platform';
import type { AdminView } from '@guichet/types';
import { AuditLog } from '../../../platform/audit/audit-log.js';
import { type AdminActor } from '../access/admin-request.js';
import { AdminLockout } from './admin-lockout.js';
import { TotpChecks } from './totp-checks.js';
import { totpState, switchTotp, checkWithinBudget } from './admin-totp.shared.js';

/** Turns the second factor off, with a current code (a stolen token alone cannot), within the same budget of attempts. */
@Injectable()
export class DisableTotp {
  constructor(
    private readonly admins: AdminAccountsRepository,
    private readonly encryptor: Encryptor,
    private readonly audit: AuditLog,
    private readonly lockout: AdminLockout,
    private readonly totp: TotpChecks,
  ) {}

  async execute(actor: AdminActor, code: string): Promise<AdminView> {
    const state = await totpState(this.admins, actor.admin.id);
    const active = state.active;
    if (!active)
      throw new ConflictException({
        error: 'totp_not_enabled',
        message: 'The second factor is not on.',
      });
    await checkWithinBudget(
      this.lockout,
      this.totp,
      actor.admin.id,
      this.encryptor.decrypt(active),
      code,
      state.lastStep === null ? null : Number(state.lastStep),
    );
    const { view } = await switchTotp(this.admins, this.audit, actor, false, (admins) =>
      admins.disableTotp(actor.admin.id, active),
    );
    return view;
  }
}
