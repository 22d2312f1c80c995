import { createContext, useContext } from 'react';
import type { Locale } from '@guichet/types';
import { en, fr, type Messages } from './messages/catalogs';
import {
  PORTAL_LANGUAGE_NAMES,
  PORTAL_PREVIEW_TEXTS,
  type PortalPreviewTexts,
} from './messages/portal-preview';

/** Languages of the admin app itself (tenants' portals also speak Portuguese). */
export type UiLocale = Extract<Locale, 'fr' | 'en'>;
export const UI_LOCALES: readonly UiLocale[] = ['fr', 'en'];
export const DEFAULT_UI_LOCALE: UiLocale = 'fr';

/**
 * Every string a user sees lives in the catalogs of `messages/` (French is the reference,
 * English must have every key). Whole sentences only: a value with a variable is a
 * function returning the complete sentence, never pieces to glue together.
 */
export type { Messages, PortalPreviewTexts };
/** The portal's own words (fr, en, pt), for the login page preview. */
export { PORTAL_LANGUAGE_NAMES, PORTAL_PREVIEW_TEXTS };

/** Keys of the messages that are plain strings: state keeps these, so a language switch re-translates it. */
export type TextKey = {
  [K in keyof Messages]: Messages[K] extends string ? K : never;
}[keyof Messages];

export const CATALOGS: Record<UiLocale, Messages> = { fr, en };

export function isUiLocale(value: unknown): value is UiLocale {
  return typeof value === 'string' && (UI_LOCALES as readonly string[]).includes(value);
}

const LOCALE_KEY = 'guichet.admin.locale';

/** The saved choice, else French. */
export function initialLocale(): UiLocale {
  try {
    const saved = window.localStorage.getItem(LOCALE_KEY);
    if (isUiLocale(saved)) return saved;
  } catch {
    // Storage may be unavailable (private mode, policy): fall back to the default.
  }
  return DEFAULT_UI_LOCALE;
}

export function saveLocale(locale: UiLocale): void {
  try {
    window.localStorage.setItem(LOCALE_KEY, locale);
  } catch {
    // Not fatal: the choice lasts for this page only.
  }
}

export interface I18n {
  locale: UiLocale;
  t: Messages;
  setLocale: (locale: UiLocale) => void;
}

export const I18nContext = createContext<I18n>({
  locale: DEFAULT_UI_LOCALE,
  t: CATALOGS[DEFAULT_UI_LOCALE],
  setLocale: () => undefined,
});

export function useI18n(): I18n {
  return useContext(I18nContext);
}
