import type {
  AdminRole,
  DeliveryStatus,
  EmailKind,
  ImportLineStatus,
  Locale,
  TenantTextKey,
} from '@guichet/types';

type AdminSection =
  | 'overview'
  | 'branding'
  | 'username-rule'
  | 'password-policy'
  | 'access'
  | 'email'
  | 'templates'
  | 'accounts'
  | 'directory'
  | 'applications'
  | 'provisioning'
  | 'deliveries'
  | 'audit';
type PolicyFlag =
  | 'requireLetter'
  | 'requireDigit'
  | 'requireLower'
  | 'requireUpper'
  | 'requireSymbol'
  | 'disallowUsername'
  | 'denyCommon';
type Feature = 'enrolment' | 'forgotPassword' | 'lookup' | 'teamsTab';
type UserFilter = 'active' | 'disabled' | 'locked' | 'enrolled' | 'not-enrolled';
type ActorType = 'user' | 'admin' | 'system' | 'anonymous' | 'scim';

const plural = (n: number, one: string, many: string) => (n <= 1 ? one : many);
const num = (n: number) => n.toLocaleString('fr-CA');

/** French: the reference catalog of the admin app (every other language has the same keys). */
export const fr = {
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

  // Sign-in
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
  invalidCredentials: 'Adresse courriel ou mot de passe incorrect.',
  totpRequired: 'Entrez le code à 6 chiffres de votre application d’authentification.',
  totpCodeWrong: 'Ce code n’est pas le bon ou a expiré. Entrez le code affiché maintenant.',
  totpCodeLabel: 'Code de vérification',
  totpCodeHint: 'Les 6 chiffres affichés par votre application d’authentification.',
  totpCodeInvalid: 'Entrez les 6 chiffres du code.',
  sessionExpired: 'Votre session a expiré. Connectez-vous de nouveau.',
  signedOut: 'Vous êtes déconnecté.',
  signedInAs: (email: string) => `Connecté en tant que ${email}`,
  roleLabel: (role: AdminRole): string =>
    role === 'platform-admin'
      ? 'Administration de la plateforme'
      : 'Administration d’établissement',
  signOut: 'Se déconnecter',

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

  // Tenants
  tenantsTitle: 'Établissements',
  tenantsIntroPlatform: 'Choisissez un établissement à configurer, ou créez-en un nouveau.',
  tenantsIntroTenant: 'Choisissez l’établissement à configurer.',
  tenantsLoading: 'Chargement des établissements…',
  tenantLoading: 'Chargement de l’établissement…',
  tenantsEmpty: 'Aucun établissement à afficher.',
  tenantsCount: (count: number) =>
    count <= 1 ? `${count} établissement` : `${num(count)} établissements`,
  tenantsLoadFailed: 'Impossible de charger les établissements.',
  columnName: 'Nom',
  columnSlug: 'Identifiant',
  columnHostNames: 'Noms d’hôte',
  columnPublicUrl: 'Adresse publique',
  columnStatus: 'État',
  columnCreatedAt: 'Créé le',
  status: (status: 'active' | 'disabled'): string => (status === 'active' ? 'Actif' : 'Désactivé'),
  noHostNames: 'Aucun',
  tableScrollHint: 'Liste des établissements, défilement horizontal possible',
  createTenantTitle: 'Nouvel établissement',
  createTenantIntro: (domain: string) =>
    `Le portail répond aussitôt sur identifiant.${domain} ; vous pouvez ajouter un autre nom d’hôte.`,
  slugLabel: 'Identifiant',
  slugHint: 'Lettres minuscules, chiffres et traits d’union ; il forme l’adresse du portail.',
  tenantNameLabel: 'Nom de l’établissement',
  hostNameLabel: 'Nom d’hôte supplémentaire',
  hostNameHint: (example: string) =>
    `Facultatif. Le portail répondra aussi sur ce nom (par exemple un domaine de l’établissement) ; ${example} est déjà prévu.`,
  defaultLocaleLabel: 'Langue par défaut',
  createTenant: 'Créer l’établissement',
  tenantCreated: 'Établissement créé.',

  // A tenant's pages
  sectionNavLabel: (name: string) => `Sections de ${name}`,
  sectionName: {
    overview: 'Vue d’ensemble',
    branding: 'Image et textes',
    'username-rule': 'Noms d’utilisateur',
    'password-policy': 'Mots de passe',
    access: 'Fonctions et accès',
    email: 'Courriel',
    templates: 'Modèles de courriel',
    accounts: 'Comptes',
    directory: 'Annuaire',
    applications: 'Applications',
    provisioning: 'Approvisionnement (SCIM)',
    deliveries: 'Envois',
    audit: 'Journal d’audit',
  } as Record<AdminSection, string>,
  openPortal: 'Ouvrir la page de connexion du portail',
  overviewSummary: 'En bref',
  lastChange: 'Dernière modification',
  versionAt: (version: number, at: string) => `Version ${num(version)}, le ${at}`,
  identityTitle: 'Nom et état',
  statusHint: 'Un établissement désactivé ne répond plus sur ses noms d’hôte.',
  hostsTitle: 'Noms d’hôte',
  hostsIntro: 'Les adresses où répond le portail de cet établissement.',
  newHostLabel: 'Nouveau nom d’hôte',
  publicUrlHint:
    'L’origine des liens envoyés par courriel, par exemple https://portail.exemple.ca (utile après l’ajout d’un domaine).',
  publicUrlInvalid:
    'Entrez une origine http(s) sans chemin, par exemple https://portail.exemple.ca.',
  addHost: 'Ajouter',
  hostAdded: 'Nom d’hôte ajouté.',
  hostRemoved: 'Nom d’hôte retiré.',
  confirmRemoveHost: (host: string) =>
    `Retirer ${host} ? Le portail ne répondra plus à cette adresse.`,

  // Branding
  brandingTitle: 'Image et textes du portail',
  brandingIntro: 'L’aperçu montre la page de connexion telle qu’elle sera une fois enregistrée.',
  coloursLegend: 'Couleurs',
  primaryColorLabel: 'Couleur principale',
  primaryColorHint: 'Bandeau, liens et bouton SOUMETTRE.',
  accentColorLabel: 'Couleur d’accent',
  colorPicker: (label: string) => `${label} : sélecteur de couleur`,
  imagesLegend: 'Images',
  logoUrlLabel: 'Logo (adresse)',
  faviconUrlLabel: 'Icône d’onglet (adresse)',
  imageUploadLabel: { logo: 'Logo (fichier)', favicon: 'Icône d’onglet (fichier)' },
  imageRules: (maxKb: number) =>
    `PNG, JPEG ou SVG, ${maxKb} Ko au plus. Un SVG est nettoyé (scripts, liens et contenu HTML retirés). Un fichier envoyé remplace l’adresse ci-dessous.`,
  imageCurrent: (format: string, kb: string) => `Image actuelle (${format}, ${kb} Ko)`,
  imageChosen: 'Image choisie (pas encore envoyée)',
  imageNone: 'Aucun fichier envoyé : l’adresse ci-dessous, ou l’image par défaut, s’applique.',
  imageUpload: 'Envoyer',
  imageUploading: 'Envoi…',
  imageRemove: 'Retirer le fichier',
  imageUploaded: 'Image enregistrée. Le portail l’affiche déjà.',
  imageRemoved: 'Fichier retiré. Le portail reprend l’adresse ou l’image par défaut.',
  imageChooseFirst: 'Choisissez d’abord un fichier.',
  imageTooLarge: (maxKb: number) =>
    `Ce fichier dépasse ${maxKb} Ko. Réduisez l’image ou exportez-la de nouveau.`,
  imageWrongType:
    'Ce fichier n’est pas une image PNG, JPEG ou SVG (quel que soit son nom). Choisissez une autre image.',
  imageSvgUnusable:
    'Il ne reste rien de ce SVG une fois nettoyé. Exportez-le de nouveau comme SVG simple.',
  imageUploadFailed: 'L’envoi n’a pas abouti. Réessayez.',
  urlOrPathHint:
    'Une adresse https://… ou un chemin du portail comme /logo.png. Laissez vide pour n’en avoir aucun.',
  textsLegend: 'Textes de la page de connexion',
  textsHint: 'Un champ vide reprend le texte par défaut du portail.',
  textsLanguage: 'Langue des textes',
  textLabel: {
    portalName: 'Nom du portail (bandeau)',
    welcomeTitle: 'Titre de bienvenue',
    welcomeSubtitle: 'Sous-titre',
    usernameHint: 'Aide sous le nom d’utilisateur',
    passwordHint: 'Aide sous le mot de passe',
    footer: 'Pied de page',
    signature: 'Signature des courriels',
  } as Record<TenantTextKey, string>,
  previewCaption: (language: string) => `Aperçu de la page de connexion (${language})`,
  livePortalCaption: (language: string) => `Portail en ligne, version enregistrée (${language})`,
  livePortalFrameTitle: (name: string) => `Page de connexion en ligne du portail ${name}`,
  livePortalHint:
    'La vraie page du portail, telle qu’il la sert maintenant ; elle se recharge après chaque enregistrement.',
  livePortalUnavailable:
    'Ce portail n’a pas d’adresse sur le domaine de la plateforme : il ne peut pas être affiché ici.',
  openPortalInNewTab: 'Ouvrir dans un nouvel onglet',

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

  // Email
  senderTitle: 'Expéditeur',
  senderIntro: 'L’adresse et le nom qui apparaissent dans les courriels envoyés aux utilisateurs.',
  senderAddressLabel: 'Adresse de l’expéditeur',
  senderNameLabel: 'Nom de l’expéditeur',
  replyToLabel: 'Adresse de réponse',
  smtpTitle: 'Serveur d’envoi (SMTP)',
  smtpUsingPlatform:
    'Les courriels partent par le serveur SMTP de la plateforme. Enregistrez un serveur ci-dessous pour utiliser celui de l’établissement.',
  smtpUsingOwn: (host: string, port: number) => `Les courriels partent par ${host}:${port}.`,
  smtpHostLabel: 'Serveur',
  smtpPortLabel: 'Port',
  smtpPortHint:
    '587 (STARTTLS), 465 (TLS), 25 ou 2525. Le serveur doit être joignable sur Internet, hors de la plateforme.',
  smtpUsernameLabel: 'Utilisateur',
  smtpPasswordLabel: 'Mot de passe',
  smtpPasswordKept: 'Un mot de passe est enregistré ; laissez vide pour le garder.',
  smtpRemovePassword: 'Supprimer le mot de passe enregistré',
  smtpSecureLabel: 'Connexion TLS dès l’ouverture (port 465)',
  smtpSecureHint: 'Décoché : STARTTLS, exigé par la plateforme.',
  saveSmtp: 'Enregistrer le serveur',
  usePlatformSmtp: 'Revenir au serveur de la plateforme',
  confirmPlatformSmtp:
    'Revenir au serveur SMTP de la plateforme ? Les réglages de l’établissement seront effacés.',
  smtpReset: 'Les courriels partiront par le serveur de la plateforme.',
  testEmailTitle: 'Courriel d’essai',
  testEmailIntro: (email: string) =>
    `Envoie un courriel d’essai avec les réglages enregistrés, à votre adresse (${email}) : quelques-uns par quart d’heure. Son sort apparaît dans « Envois ».`,
  sendTestEmail: 'Envoyer un courriel d’essai',
  testEmailQueued: 'Courriel d’essai mis en file d’envoi. Suivez-le dans « Envois ».',

  // Templates
  templatesTitle: 'Modèles de courriel',
  templatesIntro:
    'Chaque message, dans chaque langue du portail : modèle par défaut ou personnalisé.',
  templateMessage: 'Message',
  emailKind: {
    'password-reset': 'Réinitialisation du mot de passe',
    enrolment: 'Inscription au service',
    'already-enrolled': 'Déjà inscrit',
    'password-changed': 'Mot de passe modifié',
    'test-email': 'Courriel d’essai',
    'email-changed': 'Adresse courriel modifiée',
  } as Record<EmailKind, string>,
  editTemplate: (kind: string, language: string) =>
    `Modifier « ${kind} » en ${language.toLowerCase()}`,
  templateCustom: 'Personnalisé',
  templateDefault: 'Par défaut',
  backToTemplates: 'Retour aux modèles',
  templateEditorTitle: (kind: string, language: string) => `${kind} – ${language}`,
  templateSourceLabel: 'Source du modèle',
  templateSubject: 'Objet',
  templateHtml: 'Contenu HTML',
  templateText: 'Contenu texte',
  templateVariables: 'Variables disponibles',
  templateVariablesHint: 'Syntaxe Handlebars ; le contenu des variables est échappé.',
  templatePart: { subject: 'l’objet', html: 'le contenu HTML', text: 'le contenu texte' } as Record<
    string,
    string
  >,
  templateErrorAt: (part: string, line: number | null) =>
    line === null ? `Erreur dans ${part}.` : `Erreur dans ${part}, ligne ${line}.`,
  templatePreview: 'Aperçu avec des données d’exemple',
  templatePreviewHtml: 'Aperçu du courriel HTML',
  templatePreviewText: 'Version texte',
  resetTemplate: 'Revenir au modèle par défaut',
  confirmResetTemplate:
    'Remplacer ce modèle par celui par défaut ? Vos modifications seront perdues.',
  templateSaved: 'Modèle enregistré. Les prochains courriels l’utiliseront.',
  templateReset: 'Modèle par défaut rétabli.',

  // Accounts
  importTitle: 'Importer des comptes (CSV)',
  importIntro:
    'Colonnes lastName, firstName, email, et facultativement username et externalId ; UTF-8 ou Windows-1252 ; séparateur virgule ou point-virgule. Les comptes existants sont mis à jour.',
  importSampleLabel: 'Exemple de fichier',
  importFileLabel: 'Fichier CSV',
  chooseFile: 'Choisissez un fichier CSV.',
  importSubmit: 'Importer',
  importing: 'Importation…',
  importDone: 'Importation terminée. Le rapport suit.',
  importReportTitle: 'Rapport d’importation',
  importStatus: {
    created: 'Créés',
    updated: 'Mis à jour',
    unchanged: 'Inchangés',
    rejected: 'Rejetés',
  } as Record<ImportLineStatus, string>,
  importMeta: (encoding: string, delimiter: string, ms: number) =>
    `Encodage ${encoding}, séparateur « ${delimiter} », ${num(ms)} ms.`,
  importTruncated:
    'Le fichier est long : seule une partie des lignes est détaillée, les totaux les comptent toutes.',
  importFilterLabel: 'Lignes affichées',
  importAllLines: 'Toutes les lignes',
  importRejectedLines: 'Lignes rejetées',
  importNoLines: 'Aucune ligne à afficher.',
  importLine: 'Ligne',
  importReason: 'Motif',
  showMoreLines: (n: number) => `Afficher plus de lignes (${num(n)} restantes)`,
  usersTitle: 'Comptes',
  usersSearchLabel: 'Recherche de comptes',
  searchLabel: 'Rechercher',
  usersSearchHint: 'Nom d’utilisateur, nom, prénom, courriel ou identifiant externe.',
  allStatuses: 'Tous',
  userFilter: {
    active: 'Actifs',
    disabled: 'Désactivés',
    locked: 'Verrouillés',
    enrolled: 'Inscrits',
    'not-enrolled': 'Non inscrits',
  } as Record<UserFilter, string>,
  noUsers: 'Aucun compte ne correspond.',
  personName: 'Nom',
  fullName: (first: string, last: string) => `${first} ${last}`,
  lastLoginAt: (when: string) => `Dernière connexion : ${when}`,
  userStatus: (status: 'active' | 'disabled'): string =>
    status === 'active' ? 'Actif' : 'Désactivé',
  lockedBadge: 'Verrouillé',
  notEnrolledBadge: 'Non inscrit',
  disableUser: 'Désactiver',
  enableUser: 'Réactiver',
  unlockUser: 'Déverrouiller',
  sendResetLink: 'Envoyer un lien de réinitialisation',
  sendEnrolmentLink: 'Envoyer un lien d’inscription',
  userDisabled: 'Compte désactivé.',
  userEnabled: 'Compte réactivé.',
  userUnlocked: 'Compte déverrouillé.',
  resetSent: 'Lien envoyé à l’adresse du compte.',
  resetThrottled:
    'Trop de courriels envoyés à ce compte dans la dernière heure : aucun envoi. Réessayez plus tard.',
  usersPagination: 'Pages des comptes',

  // Deliveries
  deliveriesTitle: 'Envois de courriels',
  deliveriesFilterLabel: 'Filtrer les envois',
  allKinds: 'Tous',
  recipientSearch: 'Destinataire',
  deliveryStatus: {
    queued: 'En file',
    sending: 'En cours',
    sent: 'Envoyé',
    failed: 'Échec',
    cancelled: 'Annulé',
  } as Record<DeliveryStatus, string>,
  noDeliveries: 'Aucun envoi ne correspond.',
  createdAtColumn: 'Date',
  recipient: 'Destinataire',
  attempts: 'Tentatives',
  retryDelivery: 'Renvoyer',
  deliveryRequeued: 'Envoi remis en file.',
  deliveriesPagination: 'Pages des envois',

  // Audit
  auditTitle: 'Journal d’audit',
  platformAuditTitle: 'Journal de la plateforme',
  platformAuditIntro:
    'Ce qui ne concerne aucun établissement en particulier : établissements créés, comptes administrateurs, connexions à l’administration, adresses bloquées après trop d’échecs.',
  auditFilterLabel: 'Filtrer le journal',
  auditAction: 'Action',
  auditActionHint: 'Début du nom, par exemple settings. ou user.',
  auditActor: 'Auteur',
  auditFrom: 'Du',
  auditTo: 'Au',
  auditWhen: 'Date',
  auditChange: 'Avant / après',
  actorType: {
    user: 'Utilisateur',
    admin: 'Administrateur',
    system: 'Système',
    anonymous: 'Anonyme',
    scim: 'Client SCIM',
  } as Record<ActorType, string>,
  changedFields: (n: number) => `${n} ${plural(n, 'valeur modifiée', 'valeurs modifiées')}`,
  auditField: 'Champ',
  before: 'Avant',
  after: 'Après',
  noAuditEvents: 'Aucun événement ne correspond.',
  exportCsv: 'Exporter en CSV',
  exportReady: 'Export téléchargé.',
  auditPagination: 'Pages du journal',

  // Admins
  adminsTitle: 'Administrateurs',
  adminsIntro:
    'Les administrateurs de la plateforme gèrent tout ; ceux d’un établissement, seulement les leurs.',
  roleColumn: 'Rôle',
  allTenants: 'Tous',
  twoFactor: 'Double authentification',
  createdOn: (date: string) => `Créé le ${date}`,
  createAdminTitle: 'Nouvel administrateur',
  initialPassword: 'Mot de passe initial',
  adminPasswordHint: 'Au moins 12 caractères ; à transmettre de façon sûre.',
  newAdminPassword: 'Nouveau mot de passe',
  newAdminPasswordHint:
    'Laissez vide pour garder l’actuel. Au moins 12 caractères, pas un mot de passe courant ; à transmettre de façon sûre. Lève aussi un verrouillage.',
  adminUpdated: 'Administrateur modifié.',
  adminTenantsLegend: 'Établissements gérés',
  createAdmin: 'Créer l’administrateur',
  adminCreated: 'Administrateur créé.',
  adminDisabled: 'Administrateur désactivé.',
  adminEnabled: 'Administrateur réactivé.',
  editAdmin: (email: string) => `Modifier ${email}`,

  // My account
  myAccountTitle: 'Mon compte',
  totpTitle: 'Double authentification (TOTP)',
  totpIsOn: 'La double authentification est activée : un code vous est demandé à chaque connexion.',
  totpIsOff: 'La double authentification est désactivée.',
  totpIntro:
    'Avec une application d’authentification (Microsoft Authenticator, Google Authenticator, FreeOTP…), un code à 6 chiffres vous sera demandé en plus du mot de passe.',
  totpStart: 'Configurer la double authentification',
  totpScan: 'Ajoutez le compte dans votre application, puis entrez le code qu’elle affiche.',
  totpStepScan: 'Balayez ce code QR avec votre application d’authentification.',
  totpQrAlt: 'Code QR de configuration de l’application d’authentification',
  totpManual: 'Ou entrez cette clé à la main :',
  totpShowUrl: 'Afficher l’adresse otpauth',
  totpStepConfirm: 'Entrez le code affiché par l’application pour confirmer.',
  totpEnable: 'Activer',
  totpEnabled: 'Double authentification activée.',
  totpDisableHint: 'Entrez un code actuel de votre application pour désactiver.',
  totpDisable: 'Désactiver la double authentification',
  totpDisabled: 'Double authentification désactivée.',

  // Pages and tables
  resultsCount: (n: number) =>
    n === 0 ? 'Aucun résultat' : `${num(n)} ${plural(n, 'résultat', 'résultats')}`,
  pageOf: (page: number, pages: number) => `Page ${num(page)} sur ${num(pages)}`,
  previousPage: 'Page précédente',
  nextPage: 'Page suivante',

  notFoundTitle: 'Page introuvable',
  notFoundBody: 'Cette page n’existe pas.',
  backToTenants: 'Retour aux établissements',

  applicationsTitle: 'Applications (OpenID Connect)',
  applicationsIntro:
    'Les applications qui connectent le personnel par le portail de cet établissement (authentification unique).',
  noApplications: 'Aucune application n’est encore enregistrée.',
  clientIdColumn: 'Identifiant client',
  clientTypeColumn: 'Type',
  lastUseColumn: 'Dernière utilisation',
  redirectUrisColumn: 'Adresses de retour',
  clientConfidential: 'Confidentielle (avec secret)',
  clientPublic: 'Publique (PKCE, sans secret)',
  clientFirstParty: 'Application de l’établissement',
  createClientTitle: 'Enregistrer une application',
  createClient: 'Enregistrer l’application',
  editClient: (name: string) => `Modifier ${name}`,
  clientNameLabel: 'Nom affiché',
  redirectUrisLabel: 'Adresses de retour (redirect_uri)',
  redirectUrisHint: 'Une adresse par ligne, comparée exactement. https, ou http vers localhost.',
  postLogoutUrisLabel: 'Adresses après déconnexion (post_logout_redirect_uri)',
  postLogoutUrisHint: 'Une adresse par ligne; facultatif.',
  backchannelUriLabel: 'Adresse de déconnexion par canal arrière (backchannel_logout_uri)',
  backchannelUriHint:
    'Facultatif : le portail y envoie un jeton de déconnexion quand les accès de la personne prennent fin.',
  clientPublicLabel: 'Application publique (mobile ou monopage) : pas de secret, PKCE obligatoire',
  clientPublicHint: 'Ne peut pas être changé plus tard.',
  clientFirstPartyLabel: 'Application de l’établissement : pas de page de consentement',
  rotateSecret: 'Nouveau secret',
  deleteClient: 'Supprimer',
  confirmRotateSecret: (name: string) =>
    `Créer un nouveau secret pour ${name} ? L’ancien cesse de fonctionner immédiatement.`,
  confirmDeleteClient: (name: string) =>
    `Supprimer ${name} ? Ses accès et jetons sont révoqués; l’application ne pourra plus connecter personne.`,
  clientCreated: 'Application enregistrée.',
  clientUpdated: 'Application modifiée.',
  clientDeleted: 'Application supprimée.',
  secretRotated: 'Nouveau secret créé; l’ancien ne fonctionne plus.',
  secretTitle: (name: string) => `Secret de ${name}`,
  secretOnce:
    'Copiez ce secret maintenant : vous ne le reverrez plus. Guichet n’en garde qu’une empreinte.',
  clientIdLabel: 'Identifiant client (client_id)',
  clientSecretLabel: 'Secret client (client_secret)',
  copy: 'Copier',
  copied: 'Copié',
  copyFailed: 'Copie impossible : sélectionnez le texte et copiez-le.',
  secretDone: 'J’ai copié le secret',
};

export type Messages = typeof fr;
