/** What several areas of the French catalog use. */
export type AdminSection =
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
export type PolicyFlag =
  | 'requireLetter'
  | 'requireDigit'
  | 'requireLower'
  | 'requireUpper'
  | 'requireSymbol'
  | 'disallowUsername'
  | 'denyCommon';
export type Feature = 'enrolment' | 'forgotPassword' | 'lookup' | 'teamsTab';
export type UserFilter = 'active' | 'disabled' | 'locked' | 'enrolled' | 'not-enrolled';
export type ActorType = 'user' | 'admin' | 'system' | 'anonymous' | 'scim';

export const plural = (n: number, one: string, many: string) => (n <= 1 ? one : many);
export const num = (n: number) => n.toLocaleString('fr-CA');

/** French: the reference catalog of the admin app (every other language has the same keys). */
