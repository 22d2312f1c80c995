/** The admin API: accounts. */
import { z } from 'zod';
import { localeSchema } from '../locale.js';

import { optional, page, pageSize, search } from './common.js';

/**
 * `GET tenants/:tenantId/users?q=&status=&page=&pageSize=` → `Page<AdminUserView>`.
 * `q` matches the username, first and last names, email or external id (case ignored).
 */
export const USER_STATUS_FILTERS = [
  'active',
  'disabled',
  'locked',
  'enrolled',
  'not-enrolled',
] as const;
export const userListQuerySchema = z.object({
  q: optional(search),
  status: optional(z.enum(USER_STATUS_FILTERS)),
  page,
  pageSize,
});
export type UserListQuery = z.input<typeof userListQuerySchema>;

/** The names and identifiers of an account (username normalized, email lower case). */
export interface AccountFields {
  username: string;
  firstName: string;
  lastName: string;
  email: string;
  externalId: string | null;
}

/** An account's id with its names and identifiers: what every view of an account starts with. */
export interface AccountIdentity extends AccountFields {
  id: string;
}

/** An account as the admin sees it (`GET tenants/:tenantId/users/:userId` and each action's answer). */
export interface AdminUserView extends AccountIdentity {
  status: 'active' | 'disabled';
  enrolled: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  passwordChangedAt: string | null;
  createdAt: string;
  updatedAt: string;
}
// POST tenants/:tenantId/users/:userId/disable | enable | unlock → AdminUserView (audited).

/**
 * `POST tenants/:tenantId/users/:userId/send-reset` → 202 `SendResetResponse`: a reset link
 * (an enrolment link for an account not enrolled yet) to the account's stored address,
 * through the outbox. 409 for a disabled account.
 */
export const sendResetRequestSchema = z.object({ locale: localeSchema.optional() }).strict();
export type SendResetRequest = z.infer<typeof sendResetRequestSchema>;
export interface SendResetResponse {
  /** `throttled`: too many emails to this account this hour, none sent. */
  outcome: 'sent' | 'throttled';
  kind: 'password-reset' | 'enrolment' | null;
  deliveryId: string | null;
}
