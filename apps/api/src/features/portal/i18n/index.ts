import type { Locale } from '@guichet/types';
import { IntlMessageFormat } from 'intl-messageformat';
import { en } from './en.js';
import { fr, type MessageKey } from './fr.js';
import { pt } from './pt.js';

export type { MessageKey };
export type MessageValues = Record<string, string | number>;

const CATALOGS: Record<Locale, Partial<Record<MessageKey, string>>> = { fr, en, pt };
const compiled = new Map<string, IntlMessageFormat>();

function compile(locale: Locale, key: MessageKey): IntlMessageFormat | null {
  const id = `${locale}\u0000${key}`;
  let message = compiled.get(id);
  if (!message) {
    const source = CATALOGS[locale][key];
    if (source === undefined) return null;
    message = new IntlMessageFormat(source, locale);
    compiled.set(id, message);
  }
  return message;
}

/**
 * A message of the portal catalogs (ICU MessageFormat). A key missing in the locale falls
 * back to the tenant default locale, then to French (the catalog every key is in).
 */
export function translate(
  locale: Locale,
  fallback: Locale,
  key: MessageKey,
  values?: MessageValues,
): string {
  const message = compile(locale, key) ?? compile(fallback, key) ?? compile('fr', key)!;
  return String(message.format(values));
}

export const LANGUAGE_NAMES: Record<Locale, string> = {
  fr: 'FRANÇAIS',
  en: 'ENGLISH',
  pt: 'PORTUGUÊS',
};
