import type { Locale } from '@guichet/types';

export type MessageParams = Readonly<Record<string, number | string>>;

/**
 * A whole sentence with `{name}` placeholders, or one whole sentence per plural category of
 * the numeric parameter named by `count` (chosen with Intl.PluralRules). Sentences are never
 * assembled from pieces, so each locale words them its own way.
 */
export type Message = string | PluralMessage;

export type PluralMessage = { readonly count: string; readonly other: string } & Readonly<
  Partial<Record<Intl.LDMLPluralRule, string>>
>;

const pluralRules = new Map<Locale, Intl.PluralRules>();
const numberFormats = new Map<Locale, Intl.NumberFormat>();

function cached<T>(cache: Map<Locale, T>, locale: Locale, make: () => T): T {
  let value = cache.get(locale);
  if (value === undefined) {
    value = make();
    cache.set(locale, value);
  }
  return value;
}

function selectTemplate(locale: Locale, message: Message, params: MessageParams): string {
  if (typeof message === 'string') return message;
  const count = Number(params[message.count]);
  const category = cached(pluralRules, locale, () => new Intl.PluralRules(locale)).select(count);
  return message[category] ?? message.other;
}

function formatValue(locale: Locale, value: number | string): string {
  return typeof value === 'number'
    ? cached(numberFormats, locale, () => new Intl.NumberFormat(locale)).format(value)
    : value;
}

/** The message in `locale` with its parameters filled in; an unknown placeholder is left as is. */
export function formatMessage(
  locale: Locale,
  message: Message,
  params: MessageParams = {},
): string {
  return selectTemplate(locale, message, params).replace(
    /\{(\w+)\}/g,
    (placeholder, name: string) => {
      const value = params[name];
      return value === undefined ? placeholder : formatValue(locale, value);
    },
  );
}
