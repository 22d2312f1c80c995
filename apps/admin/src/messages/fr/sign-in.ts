import type { AdminRole } from '@guichet/types';

/** The sign-in page. */
export const signIn = {
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
};
