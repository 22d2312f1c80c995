import type { Locale } from '@guichet/types';

/**
 * The portal's own words on its login page (apps/api portal catalogs), in the three
 * languages a portal speaks, so the preview shows what a visitor will read.
 */
export interface PortalPreviewTexts {
  loginTitle: string;
  loginSubtitle: string;
  footer: string;
  username: string;
  password: string;
  submit: string;
  forgot: string;
  register: string;
  lookup: string;
  remember: string;
  rememberAll: string;
  rememberUsername: string;
  rememberNone: string;
  languages: string;
}

export const PORTAL_LANGUAGE_NAMES: Record<Locale, string> = {
  fr: 'FRANÇAIS',
  en: 'ENGLISH',
  pt: 'PORTUGUÊS',
};

export const PORTAL_PREVIEW_TEXTS: Record<Locale, PortalPreviewTexts> = {
  fr: {
    loginTitle: 'Bienvenue sur le portail Web du Centre de services',
    loginSubtitle: "Entrez votre nom d'utilisateur et votre mot de passe",
    footer: 'Propulsé par Guichet',
    username: "Nom d'utilisateur",
    password: 'Mot de passe',
    submit: 'SOUMETTRE',
    forgot: 'Mot de passe oublié ?',
    register: "M'inscrire au service",
    lookup: "Retrouver mon nom d'utilisateur",
    remember: 'Mémoriser mes informations de connexion',
    rememberAll: 'Se souvenir de moi',
    rememberUsername: 'Se souvenir uniquement de mon nom',
    rememberNone: 'Ne pas se souvenir de moi',
    languages: 'Langue',
  },
  en: {
    loginTitle: 'Welcome to the Service Centre web portal',
    loginSubtitle: 'Enter your username and your password',
    footer: 'Powered by Guichet',
    username: 'Username',
    password: 'Password',
    submit: 'SUBMIT',
    forgot: 'Forgot your password?',
    register: 'Sign up for the service',
    lookup: 'Find my username',
    remember: 'Remember my sign-in details',
    rememberAll: 'Remember me',
    rememberUsername: 'Remember only my username',
    rememberNone: "Don't remember me",
    languages: 'Language',
  },
  pt: {
    loginTitle: 'Bem-vindo ao portal Web do Centro de Serviços',
    loginSubtitle: 'Introduza o seu nome de utilizador e a sua palavra-passe',
    footer: 'Desenvolvido por Guichet',
    username: 'Nome de utilizador',
    password: 'Palavra-passe',
    submit: 'SUBMETER',
    forgot: 'Esqueceu-se da palavra-passe?',
    register: 'Inscrever-me no serviço',
    lookup: 'Encontrar o meu nome de utilizador',
    remember: 'Memorizar os meus dados de acesso',
    rememberAll: 'Lembrar-me',
    rememberUsername: 'Lembrar apenas o meu nome',
    rememberNone: 'Não me lembrar',
    languages: 'Idioma',
  },
};
