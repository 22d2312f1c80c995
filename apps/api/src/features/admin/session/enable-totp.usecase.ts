import { BadRequestException, ConflictException, Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { TotpEnabledResponse } from '@guichet/types';
import { type AppConfig, CONFIG } from '../../../platform/config/config.js';
import type { AdminActor } from '../access/admin-request.js';
import { ADMIN_TOKEN_SECONDS, signAdminToken } from '../access/admin-tokens.js';
import { AdminTotpSwitch } from './admin-totp.shared.js';

/**
 * Turns the second factor on once the admin proves its app has the pending secret. The
 * confirming code's step counts as used (it cannot sign in afterwards), and every token of
 * the admin ends: whoever signed in with the password alone must sign in again with a code.
 */
@Injectable()
export class EnableTotp {
  constructor(
    private readonly totp: AdminTotpSwitch,
    private readonly jwt: JwtService,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(actor: AdminActor, code: string): Promise<TotpEnabledResponse> {
    const state = await this.totp.state(actor);
    if (state.active)
      throw new ConflictException({
        error: 'totp_already_enabled',
        message: 'The second factor is already on.',
      });
    const pending = state.pending;
    if (!pending)
      throw new BadRequestException({
        error: 'totp_not_set_up',
        message: 'Start with POST me/totp/setup.',
      });
    const step = await this.totp.check(actor, pending, code, null);
    const { view, tokenVersion } = await this.totp.turn(actor, true, (admins) =>
      admins.enableTotp(actor.admin.id, step, pending),
    );
    // This session proved the second factor: it goes on with a token of the new version.
    return {
      ...view,
      accessToken: await signAdminToken(this.jwt, this.config, view, tokenVersion),
      expiresIn: ADMIN_TOKEN_SECONDS,
    };
  }
}
