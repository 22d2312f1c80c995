import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Encryptor } from '@guichet/platform';
import type { TotpSetupResponse } from '@guichet/types';
import type { DataSource } from 'typeorm';
import { type AdminActor } from '../access/admin-request.js';
import { newTotpSecret, totpUri } from './totp.js';
import { totpState } from './admin-totp.shared.js';

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
