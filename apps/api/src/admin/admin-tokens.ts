export const ADMIN_AUDIENCE = 'guichet-admin';
export const ADMIN_TOKEN_SECONDS = 30 * 60;
/** The claim holding the account's token version when the token was issued (see AdminAuthGuard). */
export const TOKEN_VERSION_CLAIM = 'ver';
