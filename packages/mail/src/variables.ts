import type { EmailKind } from '@guichet/types';
import { BLOCK_HELPERS, INLINE_HELPERS } from './helpers.js';
import { PARTIAL_NAMES } from './templates/partials.js';

/** Variables every message has. `loginUrl` and `forgotPasswordUrl` only when the tenant public URL or `extra` gives them. */
export const COMMON_VARIABLES = [
  'recipientName',
  'recipientEmail',
  'tenantName',
  'portalName',
  'signature',
  'supportEmail',
  'primaryColor',
  'accentColor',
  'logoUrl',
  'locale',
  'loginUrl',
  'forgotPasswordUrl',
] as const;

/** The variables documented per message kind, for the admin template editor (kind-specific first). */
export const TEMPLATE_VARIABLES: Record<EmailKind, string[]> = {
  'password-reset': ['link', 'username', 'expiresInMinutes', ...COMMON_VARIABLES],
  enrolment: ['link', 'username', 'expiresInMinutes', ...COMMON_VARIABLES],
  'already-enrolled': ['username', ...COMMON_VARIABLES],
  'password-changed': ['username', 'changedAt', ...COMMON_VARIABLES],
  'test-email': ['requestedBy', ...COMMON_VARIABLES],
  'email-changed': ['username', 'changedAt', ...COMMON_VARIABLES],
};

/** Helpers and partials tenant templates may use, for the admin template editor. */
export const TEMPLATE_HELPERS: readonly string[] = [
  ...INLINE_HELPERS,
  ...BLOCK_HELPERS.map((h) => `#${h}`),
];
export const TEMPLATE_PARTIALS: readonly string[] = PARTIAL_NAMES;
