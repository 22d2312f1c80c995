import { createContext, useContext } from 'react';
import type { AdminView, Locale, TenantSummary } from '@guichet/types';

/** Languages of the admin app itself (tenants' portals also speak Portuguese). */
export type UiLocale = Extract<Locale, 'fr' | 'en'>;
export const UI_LOCALES: readonly UiLocale[] = ['fr', 'en'];
export const DEFAULT_UI_LOCALE: UiLocale = 'fr';

/**
 * Every string a user sees. Whole sentences only: a value with a variable is a
 * function returning the complete sentence, never pieces to glue together.
 */
export interface Messages {
  /** BCP 47 tag used for dates and numbers. */
  intlLocale: string;
  documentTitle: string;
  skipToContent: string;
  appName: string;
  appSubtitle: string;
  languageSwitchLabel: string;
  languageName: Record<UiLocale, string>;
  mainNavLabel: string;
  navTenants: string;

  signInTitle: string;
  signInIntro: string;
  emailLabel: string;
  passwordLabel: string;
  submitSignIn: string;
  submitSignInPending: string;
  emailRequired: string;
  emailInvalid: string;
  emailTooLong: string;
  passwordRequired: string;
  passwordTooLong: string;
  passwordInvalid: string;
  checkFields: string;
  invalidCredentials: string;
  tooManyAttempts: string;
  networkError: string;
  unexpectedError: string;
  sessionExpired: string;
  signedOut: string;

  signedInAs: (email: string) => string;
  roleLabel: (role: AdminView['role']) => string;
  signOut: string;

  tenantsTitle: string;
  tenantsLoading: string;
  tenantsEmpty: string;
  tenantsCount: (count: number) => string;
  tenantsLoadFailed: string;
  retry: string;
  columnName: string;
  columnSlug: string;
  columnHostNames: string;
  columnPublicUrl: string;
  columnStatus: string;
  columnCreatedAt: string;
  status: (status: TenantSummary['status']) => string;
  noHostNames: string;
  opensInNewTab: string;
  tableScrollHint: string;

  notFoundTitle: string;
  notFoundBody: string;
  backToTenants: string;
}

const fr: Messages = {
  intlLocale: 'fr-CA',
  documentTitle: 'Guichet – Administration',
  skipToContent: 'Aller au contenu principal',
  appName: 'Guichet',
  appSubtitle: 'Administration',
  languageSwitchLabel: 'Langue de l’interface',
  languageName: { fr: 'Français', en: 'English' },
  mainNavLabel: 'Navigation principale',
  navTenants: 'Établissements',

  signInTitle: 'Connexion à l’administration',
  signInIntro: 'Connectez-vous avec votre compte d’administrateur Guichet.',
  emailLabel: 'Adresse courriel',
  passwordLabel: 'Mot de passe',
  submitSignIn: 'Se connecter',
  submitSignInPending: 'Connexion en cours…',
  emailRequired: 'Entrez votre adresse courriel.',
  emailInvalid: 'Entrez une adresse courriel valide, par exemple nom@exemple.ca.',
  emailTooLong: 'L’adresse courriel ne peut dépasser 320 caractères.',
  passwordRequired: 'Entrez votre mot de passe.',
  passwordTooLong: 'Le mot de passe ne peut dépasser 1024 caractères.',
  passwordInvalid: 'Ce mot de passe n’est pas accepté.',
  checkFields: 'Vérifiez les champs signalés, puis réessayez.',
  invalidCredentials: 'Adresse courriel ou mot de passe incorrect.',
  tooManyAttempts: 'Trop de tentatives. Patientez quelques minutes, puis réessayez.',
  networkError: 'Le serveur est injoignable. Vérifiez votre connexion, puis réessayez.',
  unexpectedError: 'Une erreur inattendue est survenue. Réessayez dans un instant.',
  sessionExpired: 'Votre session a expiré. Connectez-vous de nouveau.',
  signedOut: 'Vous êtes déconnecté.',

  signedInAs: (email) => `Connecté en tant que ${email}`,
  roleLabel: (role) =>
    role === 'platform-admin' ? 'Administration de la plateforme' : 'Administration d’établissement',
  signOut: 'Se déconnecter',

  tenantsTitle: 'Établissements',
  tenantsLoading: 'Chargement des établissements…',
  tenantsEmpty: 'Aucun établissement à afficher.',
  tenantsCount: (count) =>
    count <= 1 ? `${count} établissement` : `${count.toLocaleString('fr-CA')} établissements`,
  tenantsLoadFailed: 'Impossible de charger les établissements.',
  retry: 'Réessayer',
  columnName: 'Nom',
  columnSlug: 'Identifiant',
  columnHostNames: 'Noms d’hôte',
  columnPublicUrl: 'Adresse publique',
  columnStatus: 'État',
  columnCreatedAt: 'Créé le',
  status: (status) => (status === 'active' ? 'Actif' : 'Désactivé'),
  noHostNames: 'Aucun',
  opensInNewTab: '(s’ouvre dans un nouvel onglet)',
  tableScrollHint: 'Liste des établissements, défilement horizontal possible',

  notFoundTitle: 'Page introuvable',
  notFoundBody: 'Cette page n’existe pas.',
  backToTenants: 'Retour aux établissements',
};

const en: Messages = {
  intlLocale: 'en-CA',
  documentTitle: 'Guichet – Administration',
  skipToContent: 'Skip to main content',
  appName: 'Guichet',
  appSubtitle: 'Administration',
  languageSwitchLabel: 'Interface language',
  languageName: { fr: 'Français', en: 'English' },
  mainNavLabel: 'Main navigation',
  navTenants: 'Tenants',

  signInTitle: 'Sign in to administration',
  signInIntro: 'Sign in with your Guichet administrator account.',
  emailLabel: 'Email address',
  passwordLabel: 'Password',
  submitSignIn: 'Sign in',
  submitSignInPending: 'Signing in…',
  emailRequired: 'Enter your email address.',
  emailInvalid: 'Enter a valid email address, such as name@example.ca.',
  emailTooLong: 'The email address cannot be longer than 320 characters.',
  passwordRequired: 'Enter your password.',
  passwordTooLong: 'The password cannot be longer than 1024 characters.',
  passwordInvalid: 'This password is not accepted.',
  checkFields: 'Check the highlighted fields and try again.',
  invalidCredentials: 'Incorrect email address or password.',
  tooManyAttempts: 'Too many attempts. Wait a few minutes and try again.',
  networkError: 'The server cannot be reached. Check your connection and try again.',
  unexpectedError: 'Something went wrong. Try again in a moment.',
  sessionExpired: 'Your session has expired. Sign in again.',
  signedOut: 'You are signed out.',

  signedInAs: (email) => `Signed in as ${email}`,
  roleLabel: (role) => (role === 'platform-admin' ? 'Platform administrator' : 'Tenant administrator'),
  signOut: 'Sign out',

  tenantsTitle: 'Tenants',
  tenantsLoading: 'Loading tenants…',
  tenantsEmpty: 'No tenants to show.',
  tenantsCount: (count) =>
    count === 1 ? '1 tenant' : `${count.toLocaleString('en-CA')} tenants`,
  tenantsLoadFailed: 'The tenants could not be loaded.',
  retry: 'Try again',
  columnName: 'Name',
  columnSlug: 'Slug',
  columnHostNames: 'Host names',
  columnPublicUrl: 'Public URL',
  columnStatus: 'Status',
  columnCreatedAt: 'Created',
  status: (status) => (status === 'active' ? 'Active' : 'Disabled'),
  noHostNames: 'None',
  opensInNewTab: '(opens in a new tab)',
  tableScrollHint: 'Tenant list, scrolls horizontally',

  notFoundTitle: 'Page not found',
  notFoundBody: 'This page does not exist.',
  backToTenants: 'Back to tenants',
};

/** Keys of the messages that are plain strings: state keeps these, so a language switch re-translates it. */
export type TextKey = { [K in keyof Messages]: Messages[K] extends string ? K : never }[keyof Messages];

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
