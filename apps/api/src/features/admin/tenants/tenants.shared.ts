import { ConflictException } from '@nestjs/common';
import type { Locale, TenantSettings } from '@guichet/types';

/** 409: the host name already answers for a tenant. */
export const hostTaken = (hostName: string) =>
  new ConflictException({
    error: 'host_taken',
    message: `The host name ${hostName} already answers for a tenant.`,
    fields: { hostName: ['already in use'] },
  });

/** The language asked for when the tenant offers it, its default language otherwise. */
export function offeredLocale(
  settings: Pick<TenantSettings, 'locales' | 'defaultLocale'>,
  asked: Locale | undefined,
): Locale {
  return asked && settings.locales.includes(asked) ? asked : settings.defaultLocale;
}
