import type { EmailKind } from '@guichet/types';

/** The Email (sender) and Templates screens. */
export const email = {
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
};
