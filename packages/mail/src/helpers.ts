import { isLocale, type Locale } from '@guichet/types';
import type { HelperOptions } from 'handlebars';

/** Intl locale tags: Québec French and Canadian English; `pt` is neutral Portuguese. */
const LOCALE_TAGS: Record<Locale, string> = { fr: 'fr-CA', en: 'en-CA', pt: 'pt' };
/** Dates in emails are shown in Québec time. */
export const TIME_ZONE = 'America/Toronto';

/** Block helpers tenant templates may use (Handlebars built-ins). */
export const BLOCK_HELPERS = ['if', 'unless', 'each', 'with'] as const;
/** Inline helpers (in `{{…}}` or a sub-expression `(…)`). */
export const INLINE_HELPERS = ['eq', 'formatDate', 'duration', 'year'] as const;

/** Intl puts no-break spaces in « 1 heure » and « 14 h 05 »: plain spaces read the same and match what people search. */
const plainSpaces = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');

function split(args: unknown[]): { params: unknown[]; options: HelperOptions } {
  return { params: args.slice(0, -1), options: args[args.length - 1] as HelperOptions };
}

function localeOf(options: HelperOptions): Locale {
  const locale: unknown = options?.data?.locale;
  return isLocale(locale) ? locale : 'fr';
}

/**
 * The whole helper whitelist. Each returns a plain string or boolean, never a SafeString, so
 * its output is escaped in HTML like any value.
 */
/** Intl formatters are costly to build (a large share of a render): one per locale and style, kept. */
const formatters = new Map<string, { format(value: never): string }>();
function formatter<F extends { format(value: never): string }>(key: string, build: () => F): F {
  let f = formatters.get(key) as F | undefined;
  if (!f) {
    f = build();
    formatters.set(key, f);
  }
  return f;
}

export const HELPERS: Record<(typeof INLINE_HELPERS)[number], (...args: unknown[]) => unknown> = {
  /** `{{#if (eq locale "fr")}}`: strict equality of two values. */
  eq(...args) {
    const { params } = split(args);
    return params.length === 2 && params[0] === params[1];
  },

  /**
   * `{{formatDate changedAt}}` → « 12 mars 2025 à 14 h 05 » (fr), "March 12, 2025 at 2:05 p.m." (en);
   * `{{formatDate changedAt style="date"}}` → the date only. Anything that is not a date is shown as is.
   */
  formatDate(...args) {
    const { params, options } = split(args);
    const value = params[0];
    if (value === undefined || value === null || value === '') return '';
    const date =
      value instanceof Date ? value : new Date(typeof value === 'number' ? value : String(value));
    if (Number.isNaN(date.getTime())) return String(value);
    const dateOnly = options?.hash?.style === 'date';
    return plainSpaces(
      formatter(
        `date|${localeOf(options)}|${dateOnly}`,
        () =>
          new Intl.DateTimeFormat(LOCALE_TAGS[localeOf(options)], {
            dateStyle: 'long',
            ...(dateOnly ? {} : { timeStyle: 'short' }),
            timeZone: TIME_ZONE,
          }),
      ).format(date),
    );
  },

  /** `{{duration expiresInMinutes}}` → « 1 heure », « 30 minutes », « 2 jours », "1 hour", "2 dias". */
  duration(...args) {
    const { params, options } = split(args);
    const minutes = Number(params[0]);
    if (!Number.isFinite(minutes) || minutes < 0)
      return params[0] === undefined ? '' : String(params[0]);
    const [value, unit] =
      minutes >= 1440 && minutes % 1440 === 0
        ? [minutes / 1440, 'day']
        : minutes >= 60 && minutes % 60 === 0
          ? [minutes / 60, 'hour']
          : [minutes, 'minute'];
    return plainSpaces(
      formatter(
        `unit|${localeOf(options)}|${unit}`,
        () =>
          new Intl.NumberFormat(LOCALE_TAGS[localeOf(options)], {
            style: 'unit',
            unit,
            unitDisplay: 'long',
          }),
      ).format(value),
    );
  },

  /** `{{year}}`: the current year, for a copyright line. */
  year() {
    return String(new Date().getFullYear());
  },
};
