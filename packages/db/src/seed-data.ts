import { DEFAULT_PASSWORD_POLICY, type TenantSettings } from '@guichet/types';

/** The two reference institutions of the guides in `shared/seeds/`. French texts are verbatim. */
export interface SeedTenant {
  slug: string;
  name: string;
  settings: TenantSettings;
}

const WELCOME = {
  fr: {
    portalName: 'Centre de services',
    welcomeTitle: 'Bienvenue sur le portail Web du Centre de services',
    welcomeSubtitle: "Entrez votre nom d'utilisateur et votre mot de passe",
    footer: 'Propulsé par Guichet',
    signature: 'Votre Centre de services informatiques',
  },
  en: {
    portalName: 'Service Centre',
    welcomeTitle: 'Welcome to the Service Centre web portal',
    welcomeSubtitle: 'Enter your username and your password',
    footer: 'Powered by Guichet',
    signature: 'Your IT Service Centre',
  },
  pt: {
    portalName: 'Centro de Serviços',
    welcomeTitle: 'Bem-vindo ao portal Web do Centro de Serviços',
    welcomeSubtitle: 'Introduza o seu nome de utilizador e a sua palavra-passe',
    footer: 'Desenvolvido por Guichet',
    signature: 'O seu Centro de Serviços Informáticos',
  },
} as const;

const common = {
  defaultLocale: 'fr',
  locales: ['fr', 'en', 'pt'],
  postLoginUrl: null,
  lockout: { maxFailures: 5, lockMinutes: 15 },
  tokenLifetimes: { resetMinutes: 60, enrolmentMinutes: 60, accessMinutes: 10, refreshDays: 30 },
} as const;

export const SEED_TENANTS: SeedTenant[] = [
  {
    slug: 'cegepdeseptiles',
    name: 'Cégep de Sept-Îles',
    settings: {
      ...common,
      locales: [...common.locales],
      branding: {
        primaryColor: '#00548c',
        accentColor: '#b3282d',
        logoUrl: null,
        faviconUrl: null,
      },
      texts: {
        fr: {
          ...WELCOME.fr,
          usernameHint:
            "Le nom d'utilisateur correspond (sauf exception) aux 3 premières lettres du nom et la première lettre du prénom",
          passwordHint: 'Mot de passe unique au portail',
        },
        en: {
          ...WELCOME.en,
          usernameHint:
            'Your username is (with some exceptions) the first 3 letters of your last name followed by the first letter of your first name',
          passwordHint: 'A password used only for this portal',
        },
        pt: {
          ...WELCOME.pt,
          usernameHint:
            'O nome de utilizador corresponde (salvo exceção) às 3 primeiras letras do apelido e à primeira letra do nome próprio',
          passwordHint: 'Palavra-passe exclusiva deste portal',
        },
      },
      usernameRule: {
        kind: 'name-derived',
        lastNameLetters: 3,
        firstNameLetters: 1,
        collision: 'numeric-suffix',
      },
      passwordPolicy: {
        ...DEFAULT_PASSWORD_POLICY,
        minLength: 10,
        requireLetter: true,
        historyCount: 3,
      },
      features: { enrolment: true, forgotPassword: true, lookup: false, teamsTab: true },
      allowedNetworks: [],
      email: {
        senderAddress: 'supportTI@cegepsi.ca',
        senderName: 'Support TI – Cégep de Sept-Îles',
        replyTo: null,
      },
    },
  },
  {
    slug: 'monteregie',
    name: 'CISSS de la Montérégie',
    settings: {
      ...common,
      locales: [...common.locales],
      branding: {
        primaryColor: '#005a8d',
        accentColor: '#6a2c91',
        logoUrl: null,
        faviconUrl: null,
      },
      texts: {
        fr: { ...WELCOME.fr, usernameHint: 'Entrez votre compte unifié' },
        en: { ...WELCOME.en, usernameHint: 'Enter your unified account' },
        pt: { ...WELCOME.pt, usernameHint: 'Introduza a sua conta unificada' },
      },
      usernameRule: { kind: 'pattern', pattern: '[a-z]{4}\\d{4}', example: 'gama1234' },
      // « le mot de passe doit être constitué d'au moins 4 caractères et contenir au moins un chiffre et une lettre »
      passwordPolicy: {
        ...DEFAULT_PASSWORD_POLICY,
        minLength: 4,
        requireDigit: true,
        requireLetter: true,
      },
      features: { enrolment: true, forgotPassword: true, lookup: true, teamsTab: false },
      // Managed workstations (DRIM networks); loopback so the lookup tool can be tried locally.
      allowedNetworks: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '127.0.0.0/8', '::1/128'],
      email: {
        senderAddress: 'centredeservices.cisssmo16@ssss.gouv.qc.ca',
        senderName: 'Centre de services informatiques – CISSS de la Montérégie',
        replyTo: null,
      },
    },
  },
];
