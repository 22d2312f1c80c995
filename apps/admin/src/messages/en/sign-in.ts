import type { signIn as fr } from '../fr/sign-in';

/** The sign-in page. */
export const signIn: typeof fr = {
  signInTitle: 'Sign in to administration',
  signInIntro: 'Sign in with your Guichet administrator account.',
  emailLabel: 'Email address',
  passwordLabel: 'Password',
  submitSignIn: 'Sign in',
  submitSignInPending: 'Signing in…',
  emailRequired: 'Enter your email address.',
  emailInvalid: 'Enter a valid email address, for example name@example.ca.',
  emailTooLong: 'The email address cannot be longer than 320 characters.',
  passwordRequired: 'Enter your password.',
  passwordTooLong: 'The password cannot be longer than 1024 characters.',
  passwordInvalid: 'This password is not accepted.',
  invalidCredentials: 'Incorrect email address or password.',
  totpRequired: 'Enter the 6-digit code from your authenticator app.',
  totpCodeWrong: 'This code is wrong or has expired. Enter the code shown now.',
  totpCodeLabel: 'Verification code',
  totpCodeHint: 'The 6 digits shown by your authenticator app.',
  totpCodeInvalid: 'Enter the 6 digits of the code.',
  sessionExpired: 'Your session has expired. Sign in again.',
  signedOut: 'You are signed out.',
  signedInAs: (email) => `Signed in as ${email}`,
  roleLabel: (role) =>
    role === 'platform-admin' ? 'Platform administrator' : 'Tenant administrator',
  signOut: 'Sign out',
};
