import { ConflictException, Injectable } from '@nestjs/common';
import { AdminAccountsRepository } from '@guichet/db';
import { Encryptor } from '@guichet/platform';
import type { TotpSetupResponse } from '@guichet/types';
import { type AdminActor } from '../access/admin-request.js';
import { newTotpSecret, totpUri } from './totp.js';
import { totpState } from './admin-totp.shared.js';

/** A new secret for the signed-in admin, kept (encrypted) as pending until a code from it is confirmed. */
@Injectable()
export class SetUpTotp {
  constructor(
    private readonly admins: AdminAccountsRepository,
    private readonly encryptor: Encryptor,
  ) {}

  async execute(actor: AdminActor): Promise<TotpSetupResponse> {
    if ((await totpState(this.admins, actor.admin.id)).active) {
      throw new ConflictException({
        error: 'totp_already_enabled',
        message: 'The second factor is already on: turn it off first to change the authenticator.',
      });
    }
    const secret = newTotpSecret();
    await this.admins.setPendingTotp(actor.admin.id, this.encryptor.encrypt(secret));
    return { secret, otpauthUrl: totpUri(secret, actor.admin.email) };
  }
}
