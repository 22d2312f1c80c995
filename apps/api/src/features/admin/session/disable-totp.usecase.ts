import { ConflictException, Injectable } from '@nestjs/common';
import type { AdminView } from '@guichet/types';
import type { AdminActor } from '../access/admin-request.js';
import { AdminTotpSwitch } from './admin-totp.shared.js';

/** Turns the second factor off, with a current code (a stolen token alone cannot), within the same budget of attempts. */
@Injectable()
export class DisableTotp {
  constructor(private readonly totp: AdminTotpSwitch) {}

  async execute(actor: AdminActor, code: string): Promise<AdminView> {
    const state = await this.totp.state(actor);
    const active = state.active;
    if (!active)
      throw new ConflictException({
        error: 'totp_not_enabled',
        message: 'The second factor is not on.',
      });
    await this.totp.check(
      actor,
      active,
      code,
      state.lastStep === null ? null : Number(state.lastStep),
    );
    const { view } = await this.totp.turn(actor, false, (admins) =>
      admins.disableTotp(actor.admin.id, active),
    );
    return view;
  }
}
