import type { TenantSettingsRow } from '@guichet/db';
import { normalizeSmtpHost } from '@guichet/platform';
import { type TenantSettings } from '@guichet/types';

export type StoredSmtp = NonNullable<TenantSettingsRow['smtp']>;

/** What the audit log keeps of SMTP settings: whether there is a password, never the password. */
export const auditSmtp = (smtp: TenantSettingsRow['smtp'], email: TenantSettings['email']) =>
  smtp
    ? {
        host: smtp.host,
        port: smtp.port,
        secure: smtp.secure,
        username: smtp.user,
        passwordSet: Boolean(smtp.passwordCiphertext),
        sender: email,
      }
    : { usingPlatformDefault: true, sender: email };

/** Whether the stored password was meant for this server and user: otherwise it must not follow a change of either. */
export const sameServer = (
  stored: StoredSmtp | null,
  host: string,
  port: number,
  user: string | null,
) =>
  stored !== null &&
  normalizeSmtpHost(stored.host) === normalizeSmtpHost(host) &&
  stored.port === port &&
  stored.user === user;
