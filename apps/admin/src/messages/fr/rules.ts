import { type PolicyFlag, type Feature } from './helpers';

/** The Username rule, Password policy and Access screens. */
export const rules = {
  // Username rule
  usernameRuleTitle: 'Règle des noms d’utilisateur',
  usernameRuleIntro: 'Elle donne leur nom d’utilisateur aux comptes importés sans en avoir un.',
  ruleKindLegend: 'Type de règle',
  ruleKind: { 'name-derived': 'Tiré du nom', pattern: 'Format imposé' },
  ruleKindHint: {
    'name-derived':
      'Les premières lettres du nom puis du prénom, en minuscules et sans accents (par exemple treJ → trej).',
    pattern:
      'Le nom d’utilisateur vient du fichier importé et doit respecter une expression régulière (par exemple un compte unifié).',
  },
  lastNameLettersLabel: 'Lettres du nom',
  firstNameLettersLabel: 'Lettres du prénom',
  patternLabel: 'Expression régulière',
  patternHint: 'Appliquée au nom d’utilisateur entier, par exemple [a-z]{4}\\d{4}.',
  exampleLabel: 'Exemple montré aux utilisateurs',
  collisionHint:
    'Quand un nom d’utilisateur est déjà pris, un chiffre est ajouté : trej, trej2, trej3…',
  tryRuleTitle: 'Essai de la règle',
  testNamesLabel: 'Noms à essayer',
  testNamesHint: 'Un par ligne : Nom, Prénom.',
  testNamesPatternHint: 'Un par ligne : Nom, Prénom, nom d’utilisateur à vérifier.',
  fixRuleFirst: 'Corrigez la règle pour voir le résultat.',
  lastNameLabel: 'Nom',
  firstNameLabel: 'Prénom',
  usernameLabel: 'Nom d’utilisateur',
  noUsername: 'Aucun nom d’utilisateur',
  suffixedNote: '(déjà pris : chiffre ajouté)',

  // Password policy
  passwordPolicyTitle: 'Politique des mots de passe',
  passwordPolicyIntro:
    'Le portail l’applique à chaque nouveau mot de passe et l’affiche aux utilisateurs.',
  minLengthLabel: 'Longueur minimale',
  maxLengthLabel: 'Longueur maximale',
  charactersUnit: 'caractères',
  historyCountLabel: 'Anciens mots de passe refusés',
  historyCountHint: '0 : aucun historique.',
  compositionLegend: 'Exigences',
  policyRule: {
    requireLetter: 'Au moins une lettre',
    requireDigit: 'Au moins un chiffre',
    requireLower: 'Au moins une minuscule',
    requireUpper: 'Au moins une majuscule',
    requireSymbol: 'Au moins un symbole',
    disallowUsername: 'Ne doit pas contenir le nom d’utilisateur',
    denyCommon: 'Refuser les mots de passe courants',
  } as Record<PolicyFlag, string>,
  policyWarningsTitle: 'Au regard des recommandations actuelles',
  fixPolicyFirst: 'Corrigez la politique pour voir l’analyse.',
  noPolicyWarnings: 'Cette politique suit les recommandations actuelles.',
  severity: { error: 'Bloquant :', warning: 'Attention :', info: 'Conseil :' },
  tryPasswordTitle: 'Essayer un mot de passe',
  testPasswordLabel: 'Mot de passe à essayer',
  testUsernameLabel: 'Nom d’utilisateur',
  testUsernameHint: 'Facultatif, pour la règle « ne doit pas contenir le nom d’utilisateur ».',
  passwordAccepted: 'Ce mot de passe serait accepté.',
  passwordRefused: 'Ce mot de passe serait refusé :',
  rulesAsShownTitle: 'Règles affichées aux utilisateurs',

  // Features and access
  accessTitle: 'Fonctions, accès et durées',
  featuresLegend: 'Fonctions du portail',
  featureLabel: {
    enrolment: 'Inscription au service (« M’inscrire au service »)',
    forgotPassword: 'Mot de passe oublié',
    lookup: 'Outil de recherche du nom d’utilisateur',
    teamsTab: 'Onglet Microsoft Teams',
  } as Record<Feature, string>,
  featureHint: {
    enrolment: 'Un lien sur la page de connexion pour choisir son premier mot de passe.',
    forgotPassword: 'Un lien pour recevoir par courriel un lien de réinitialisation.',
    lookup: 'Réservé aux postes des réseaux autorisés ci-dessous.',
    teamsTab: 'Permet d’afficher le portail dans un onglet Teams.',
  } as Record<Feature, string>,
  allowedNetworksLabel: 'Réseaux autorisés (outil de recherche)',
  allowedNetworksHint:
    'Un réseau par ligne, en notation CIDR (10.0.0.0/8, 2001:db8::/32). Vide : aucun poste.',
  localesLegend: 'Langues du portail',
  tokenLifetimesLegend: 'Durées de validité',
  resetMinutesLabel: 'Lien de réinitialisation',
  enrolmentMinutesLabel: 'Lien d’inscription',
  accessMinutesLabel: 'Jeton d’accès',
  refreshDaysLabel: 'Session mémorisée',
  minutesUnit: 'minutes',
  daysUnit: 'jours',
  lockoutLegend: 'Verrouillage après des échecs',
  maxFailuresLabel: 'Échecs avant verrouillage',
  lockMinutesLabel: 'Durée du verrouillage',
  postLoginUrlLabel: 'Page après la connexion',
  postLoginUrlHint:
    'Une adresse https://… ou un chemin du portail. Vide : la page « Mon compte » du portail.',
};
