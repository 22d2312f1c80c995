import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Encryptor } from '@guichet/platform';
import type { AdminView, TotpSetupResponse } from '@guichet/types';
import type { DataSource } from 'typeorm';
import { AuditLog } from '../audit/audit-log.js';
import { type AdminActor, adminAudit } from './admin-request.js';
import { loadAdminView } from './admin-auth.guard.js';
import { checkTotp, newTotpSecret, totpUri } from './totp.js';

const WRONG_CODE = { error: 'invalid_code', message: 'This code is incorrect or expired: enter the current code of your authenticator app.', fields: { code: ['incorrect or expired code'] } };

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

/** Writes the second factor on or off (`update` takes the admin id as $1), audits it, and returns the admin as it now is. */
async function switchTotp(db: DataSource, audit: AuditLog, actor: AdminActor, enabled: boolean, update: string): Promise<AdminView> {
  await db.transaction(async (em) => {
    await em.query(update, [actor.admin.id]);
    await audit.recordIn(em, {
      ...adminAudit(actor, null, enabled ? 'admin.totp.enabled' : 'admin.totp.disabled'),
      targetType: 'admin',
      targetId: actor.admin.id,
      before: { totpEnabled: !enabled },
      details: { totpEnabled: enabled },
    });
  });
  return (await loadAdminView(db, actor.admin.id))!;
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
      throw new ConflictException({ error: 'totp_already_enabled', message: 'The second factor is already on: turn it off first to change the authenticator.' });
    }
    const secret = newTotpSecret();
    await this.dataSource.query('UPDATE admin_accounts SET totp_pending_ciphertext = $2 WHERE id = $1', [actor.admin.id, this.encryptor.encrypt(secret)]);
    return { secret, otpauthUrl: totpUri(secret, actor.admin.email) };
  }
}

/** Turns the second factor on once the admin proves its app has the pending secret. */
@Injectable()
export class EnableTotp {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly encryptor: Encryptor,
    private readonly audit: AuditLog,
  ) {}

  async execute(actor: AdminActor, code: string): Promise<AdminView> {
    const state = await totpState(this.dataSource, actor.admin.id);
    if (state.active) throw new ConflictException({ error: 'totp_already_enabled', message: 'The second factor is already on.' });
    if (!state.pending) throw new BadRequestException({ error: 'totp_not_set_up', message: 'Start with POST me/totp/setup.' });
    if ((await checkTotp(this.encryptor.decrypt(state.pending), code, null)) === null) throw new BadRequestException(WRONG_CODE);
    return switchTotp(
      this.dataSource,
      this.audit,
      actor,
      true,
      'UPDATE admin_accounts SET totp_secret_ciphertext = totp_pending_ciphertext, totp_pending_ciphertext = NULL, totp_last_step = NULL WHERE id = $1',
    );
  }
}

/** Turns the second factor off, with a current code (a stolen token alone cannot). */
@Injectable()
export class DisableTotp {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly encryptor: Encryptor,
    private readonly audit: AuditLog,
  ) {}

  async execute(actor: AdminActor, code: string): Promise<AdminView> {
    const state = await totpState(this.dataSource, actor.admin.id);
    if (!state.active) throw new ConflictException({ error: 'totp_not_enabled', message: 'The second factor is not on.' });
    const step = await checkTotp(this.encryptor.decrypt(state.active), code, state.lastStep === null ? null : Number(state.lastStep));
    if (step === null) throw new BadRequestException(WRONG_CODE);
    return switchTotp(this.dataSource, this.audit, actor, false, 'UPDATE admin_accounts SET totp_secret_ciphertext = NULL, totp_pending_ciphertext = NULL, totp_last_step = NULL WHERE id = $1');
  }
}
