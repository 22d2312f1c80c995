import type { admins as fr } from '../fr/admins';

/** The Administrators and My account screens. */
export const admins: typeof fr = {
  adminsTitle: 'Administrators',
  adminsIntro:
    'Platform administrators manage everything; tenant administrators only their tenants.',
  roleColumn: 'Role',
  allTenants: 'All',
  twoFactor: 'Two-factor authentication',
  createdOn: (date) => `Created ${date}`,
  createAdminTitle: 'New administrator',
  initialPassword: 'Initial password',
  adminPasswordHint: 'At least 12 characters; pass it on safely.',
  newAdminPassword: 'New password',
  newAdminPasswordHint:
    'Leave empty to keep the current one. At least 12 characters, not a common password; pass it on safely. Also lifts a lockout.',
  adminUpdated: 'Administrator updated.',
  adminTenantsLegend: 'Tenants managed',
  createAdmin: 'Create the administrator',
  adminCreated: 'Administrator created.',
  adminDisabled: 'Administrator disabled.',
  adminEnabled: 'Administrator enabled.',
  editAdmin: (email) => `Edit ${email}`,

  myAccountTitle: 'My account',
  totpTitle: 'Two-factor authentication (TOTP)',
  totpIsOn: 'Two-factor authentication is on: a code is asked at every sign-in.',
  totpIsOff: 'Two-factor authentication is off.',
  totpIntro:
    'With an authenticator app (Microsoft Authenticator, Google Authenticator, FreeOTP…), a 6-digit code will be asked in addition to the password.',
  totpStart: 'Set up two-factor authentication',
  totpScan: 'Add the account to your app, then enter the code it shows.',
  totpStepScan: 'Scan this QR code with your authenticator app.',
  totpQrAlt: 'QR code to set up the authenticator app',
  totpManual: 'Or type this key by hand:',
  totpShowUrl: 'Show the otpauth address',
  totpStepConfirm: 'Enter the code shown by the app to confirm.',
  totpEnable: 'Turn on',
  totpEnabled: 'Two-factor authentication is on.',
  totpDisableHint: 'Enter a current code from your app to turn it off.',
  totpDisable: 'Turn off two-factor authentication',
  totpDisabled: 'Two-factor authentication is off.',
};
