export const ADMIN_AUDIENCE = 'guichet-admin';
export const ADMIN_TOKEN_SECONDS = 30 * 60;
