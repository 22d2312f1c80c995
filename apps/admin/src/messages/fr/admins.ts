/** The Administrators and My account screens. */
export const admins = {
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
};
