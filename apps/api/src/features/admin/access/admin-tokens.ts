import type { JwtService } from '@nestjs/jwt';
import type { AdminView } from '@guichet/types';
import type { AppConfig } from '../../../platform/config/config.js';

export const ADMIN_AUDIENCE = 'guichet-admin';
export const ADMIN_TOKEN_SECONDS = 30 * 60;
/** The claim holding the account's token version when the token was issued (see AdminAuthGuard). */
export const TOKEN_VERSION_CLAIM = 'ver';

/** A bearer token of the admin API for this admin at this token version. */
export function signAdminToken(
  jwt: JwtService,
  config: Pick<AppConfig, 'PUBLIC_URL_SCHEME' | 'adminHost'>,
  admin: AdminView,
  tokenVersion: number,
): Promise<string> {
  return jwt.signAsync(
    { email: admin.email, role: admin.role, [TOKEN_VERSION_CLAIM]: tokenVersion },
    {
      subject: admin.id,
      audience: ADMIN_AUDIENCE,
      issuer: `${config.PUBLIC_URL_SCHEME}://${config.adminHost}`,
      expiresIn: ADMIN_TOKEN_SECONDS,
    },
  );
}
