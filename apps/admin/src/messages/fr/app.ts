import type { Locale } from '@guichet/types';
import { num, plural } from './helpers';

/** The app around the screens: names, menus, errors, shared words, pager, not found. */
export const app = {
  intlLocale: 'fr-CA',
  documentTitle: 'Guichet – Administration',
  skipToContent: 'Aller au contenu principal',
  appName: 'Guichet',
  appSubtitle: 'Administration',
  languageSwitchLabel: 'Langue de l’interface',
  languageName: { fr: 'Français', en: 'English' },
  localeName: { fr: 'Français', en: 'Anglais', pt: 'Portugais' } as Record<Locale, string>,
  mainNavLabel: 'Navigation principale',
  navTenants: 'Établissements',
  navAdmins: 'Administrateurs',
  navAccount: 'Mon compte',
  navPlatformAudit: 'Journal de la plateforme',

  // Generic outcomes
  checkFields: 'Vérifiez les champs signalés, puis réessayez.',
  tooManyAttempts: 'Trop de tentatives. Patientez quelques minutes, puis réessayez.',
  networkError: 'Le serveur est injoignable. Vérifiez votre connexion, puis réessayez.',
  unexpectedError: 'Une erreur inattendue est survenue. Réessayez dans un instant.',
  forbidden: 'Vous n’avez pas accès à cette action.',
  notFound: 'Introuvable : cet élément n’existe pas ou vous n’y avez pas accès.',
  conflict: 'Impossible : cela entre en conflit avec l’état actuel.',
  fileTooLarge: 'Le fichier dépasse 50 Mo. Divisez-le et importez chaque partie.',
  unsupportedFile: 'Ce type de fichier n’est pas accepté. Choisissez un fichier CSV.',
  loadFailed: 'Impossible de charger ces données.',
  pageLoadFailed: 'Cette page n’a pas pu être chargée. Rechargez l’application pour réessayer.',
  reloadPage: 'Recharger',
  loading: 'Chargement…',
  retry: 'Réessayer',
  refresh: 'Actualiser',
  save: 'Enregistrer',
  saving: 'Enregistrement…',
  saved: 'Modifications enregistrées. Le portail les affiche dès maintenant.',
  cancel: 'Annuler',
  edit: 'Modifier',
  remove: 'Retirer',
  creating: 'Création…',
  sending: 'Envoi…',
  optional: 'Facultatif',
  unsavedChanges: 'Modifications non enregistrées',
  actions: 'Actions',
  on: 'Activée',
  off: 'Désactivée',
  never: 'Jamais',
  tabHasErrors: '(à corriger)',
  opensInNewTab: '(s’ouvre dans un nouvel onglet)',

  // Field checks
  valueRequired: 'Ce champ est obligatoire.',
  valueInvalid: 'Cette valeur n’est pas valide.',
  tooShort: (min: number) => `Au moins ${num(min)} caractères.`,
  tooLong: (max: number) => `Au plus ${num(max)} caractères.`,
  minValue: (min: number) => `La valeur minimale est ${num(min)}.`,
  maxValue: (max: number) => `La valeur maximale est ${num(max)}.`,
  numberRequired: 'Entrez un nombre entier.',
  atLeastItems: (min: number) => `Au moins ${num(min)} élément${min > 1 ? 's' : ''}.`,
  atMostItems: (max: number) => `Au plus ${num(max)} éléments.`,
  emailFieldInvalid: 'Entrez une adresse courriel valide, par exemple nom@exemple.ca.',
  urlOrPathInvalid:
    'Entrez une adresse http(s) complète ou un chemin commençant par / (par exemple /logo.png).',
  colorInvalid: 'Entrez une couleur au format #RRGGBB, par exemple #00548C.',
  cidrInvalidLines: (lines: number[]) =>
    `${plural(lines.length, 'Ligne', 'Lignes')} ${lines.join(', ')} : entrez un réseau IPv4 ou IPv6 en notation CIDR, par exemple 10.0.0.0/8.`,
  patternInvalid: 'Cette expression régulière n’est pas valide.',
  patternNotLinear: {
    backreference:
      'Les références arrière (\\1, \\k<nom>) ne sont pas prises en charge : les noms d’utilisateur sont vérifiés par un moteur en temps linéaire.',
    lookaround:
      'Les assertions avant et arrière ((?=…), (?!…), (?<=…), (?<!…)) ne sont pas prises en charge : les noms d’utilisateur sont vérifiés par un moteur en temps linéaire.',
    unsupported:
      'Le moteur en temps linéaire ne prend pas en charge cette expression : environ 1000 éléments répétés au total (les répétitions imbriquées se multiplient ; un nom d’utilisateur a au plus 64 caractères), propriétés Unicode sous forme courte comme \\p{L}.',
  },
  slugInvalid:
    'De 3 à 50 caractères : lettres minuscules, chiffres et traits d’union, commençant par une lettre (admin, api et www sont réservés).',
  hostInvalid: 'Entrez un nom d’hôte comme portail.exemple.ca.',
  smtpHostInvalid: 'Entrez un nom d’hôte ou une adresse IP.',
  maxBelowMin: 'La longueur maximale doit être supérieure ou égale à la longueur minimale.',
  atLeastOneLocale: 'Activez au moins une langue.',
  defaultLocaleNotEnabled: 'La langue par défaut doit faire partie des langues activées.',
  pickATenant: 'Choisissez au moins un établissement pour un administrateur d’établissement.',

  // Pages and tables
  resultsCount: (n: number) =>
    n === 0 ? 'Aucun résultat' : `${num(n)} ${plural(n, 'résultat', 'résultats')}`,
  pageOf: (page: number, pages: number) => `Page ${num(page)} sur ${num(pages)}`,
  previousPage: 'Page précédente',
  nextPage: 'Page suivante',

  notFoundTitle: 'Page introuvable',
  notFoundBody: 'Cette page n’existe pas.',
  backToTenants: 'Retour aux établissements',
};
