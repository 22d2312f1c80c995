/** French: the default texts, verbatim from the guides (shared/seeds). ICU MessageFormat. */
export const fr = {
  'lang.switch': 'Langue',
  skip: 'Aller au contenu principal',
  'login.title': 'Bienvenue sur le portail Web du Centre de services',
  'login.subtitle': "Entrez votre nom d'utilisateur et votre mot de passe",
  'field.username': "Nom d'utilisateur",
  'field.password': 'Mot de passe',
  'field.required': 'obligatoire',
  'action.submit': 'SOUMETTRE',
  'action.cancel': 'ANNULER',
  'login.forgot': 'Mot de passe oublié ?',
  'login.register': "M'inscrire au service",
  'login.lookup': "Retrouver mon nom d'utilisateur",
  'login.remember': 'Mémoriser mes informations de connexion',
  'remember.all': 'Se souvenir de moi',
  'remember.username': 'Se souvenir uniquement de mon nom',
  'remember.none': 'Ne pas se souvenir de moi',
  'login.error': "Nom d'utilisateur ou mot de passe incorrect.",
  'login.missing': "Entrez votre nom d'utilisateur et votre mot de passe.",
  'notice.password-changed':
    'Votre mot de passe a été changé. Vous pouvez maintenant vous connecter avec votre nouveau mot de passe.',
  'notice.signed-out': 'Vous êtes maintenant déconnecté.',
  'forgot.title': 'Réinitialiser votre mot de passe',
  'forgot.intro':
    "Un courriel contenant un lien de changement de mot de passe sera envoyé à l'adresse associée à votre compte.",
  'username.placeholder': "Inscrire votre nom d'utilisateur",
  'form.invalid-characters':
    'Ce champ contient des caractères non permis (caractères de contrôle). Retapez-le.',
  'username.missing': "Inscrire votre nom d'utilisateur.",
  'register.title': "M'inscrire au service",
  'register.intro':
    "Un courriel contenant un lien pour choisir votre mot de passe sera envoyé à l'adresse associée à votre compte.",
  'sent.title': 'Vérifiez vos courriels',
  'sent.body':
    "Si un compte correspond à ce nom d'utilisateur, un courriel vient d'être envoyé à l'adresse associée à ce compte.",
  'sent.limited':
    "Pour des raisons de sécurité, l'accès à la page de changement de mot de passe est pour une durée limitée. Veuillez procéder au changement de mot de passe dès la réception du courriel.",
  'back.login': 'Retour à la page de connexion',
  'reset.title': 'Changer mon mot de passe',
  'reset.new': 'Nouveau mot de passe',
  'reset.confirm': 'Confirmation du nouveau mot de passe',
  'reset.rules': 'Votre mot de passe doit respecter les règles suivantes :',
  'reset.mismatch': 'Les deux mots de passe ne sont pas identiques.',
  'reset.missing': 'Entrez votre nouveau mot de passe.',
  'reset.show': 'Afficher le mot de passe',
  'link.invalid.title': "Ce lien n'est pas valide",
  'link.invalid.body':
    "Ce lien de changement de mot de passe est incomplet ou n'existe pas. Vérifiez que vous avez copié le lien complet du courriel, ou demandez un nouveau lien.",
  'link.expired.title': 'Ce lien a expiré',
  'link.expired.body':
    "Pour des raisons de sécurité, l'accès à cette page est pour une durée limitée et ce lien n'est plus valide. Demandez un nouveau lien.",
  'link.used.title': 'Ce lien a déjà été utilisé',
  'link.used.body':
    "Ce lien de changement de mot de passe a déjà servi et ne peut être utilisé qu'une seule fois. Si vous ne connaissez pas votre mot de passe, demandez un nouveau lien.",
  'link.new': 'Demander un nouveau lien',
  'lookup.title': "Retrouver mon nom d'utilisateur",
  'lookup.intro':
    'Entrez votre prénom et votre nom tels qu’inscrits au dossier de votre établissement.',
  'lookup.firstName': 'Prénom',
  'lookup.lastName': 'Nom',
  'lookup.missing': 'Entrez votre nom.',
  'lookup.results':
    "{count, plural, =0 {Aucun nom d'utilisateur ne correspond à ce nom.} one {Nom d'utilisateur correspondant :} other {Noms d'utilisateur correspondants :}}",
  'lookup.forbidden.title': 'Accès refusé',
  'lookup.forbidden.body':
    "L'outil de recherche du nom d'utilisateur est accessible uniquement à partir d'un poste de travail géré par votre établissement.",
  'account.title': 'Mon compte',
  'account.signedIn': 'Vous êtes connecté en tant que {name}.',
  'account.username': "Nom d'utilisateur : {username}",
  'account.signOut': 'Me déconnecter',
  'csrf.title': 'Le formulaire a expiré',
  'csrf.body':
    'Pour votre sécurité, ce formulaire a expiré. Retournez à la page et essayez de nouveau.',
  'csrf.retry': 'Réessayer',
  'limited.title': 'Trop de tentatives',
  'limited.body':
    'Trop de tentatives ont été faites depuis votre réseau. Réessayez dans {seconds, plural, one {# seconde} other {# secondes}}.',
  'busy.title': 'Service occupé',
  'busy.body':
    "Le service est trop occupé pour traiter votre demande : aucun courriel n'a été envoyé. Réessayez dans {seconds, plural, one {# seconde} other {# secondes}}.",
  'notFound.title': 'Page introuvable',
  'notFound.body': "Cette page n'existe pas sur ce portail.",
  'error.prefix': 'Erreur :',
  footer: 'Propulsé par Guichet',
  'account.everywhere': 'Me déconnecter partout',
  'account.everywhere.hint':
    'Termine toutes vos sessions, sur tous vos appareils et dans toutes les applications.',
  // OpenID Connect: consent, sign-out and error pages of the tenant's issuer.
  'oidc.consent.title': 'Autoriser l’application',
  'oidc.consent.intro': '« {client} » demande à accéder à votre compte de {tenant}.',
  'oidc.consent.claims': 'Elle recevra :',
  'oidc.consent.allow': 'AUTORISER',
  'oidc.consent.deny': 'REFUSER',
  'oidc.claim.openid': 'un identifiant de votre compte',
  'oidc.claim.profile': 'votre nom et votre nom d’utilisateur',
  'oidc.claim.email': 'votre adresse courriel',
  'oidc.claim.offline_access': 'un accès maintenu quand vous n’êtes pas connecté',
  'oidc.expired.title': 'La demande de connexion a expiré',
  'oidc.expired.body': 'Retournez à l’application et connectez-vous de nouveau.',
  'oidc.error.title': 'La connexion à l’application a échoué',
  'oidc.error.body':
    'La demande de l’application n’est pas valide. Aucune information n’a été transmise.',
  'oidc.logout.title': 'Se déconnecter',
  'oidc.logout.body': 'Voulez-vous vous déconnecter de {tenant} ?',
  'oidc.logout.yes': 'ME DÉCONNECTER',
  'oidc.logout.no': 'RESTER CONNECTÉ',
  'oidc.logout.done': 'Vous êtes déconnecté.',
} as const;

export type MessageKey = keyof typeof fr;
