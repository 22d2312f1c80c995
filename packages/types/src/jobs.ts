import type { Locale } from './locale.js';

/**
 * Queue names. NEVER RENAME: jobs already in Redis are found by these names.
 * The hash tag keeps all keys of a queue in one Redis Cluster slot.
 */
export const QUEUES = { email: 'email', directory: 'directory' } as const;
export const QUEUE_PREFIX = '{guichet}';

export const EMAIL_KINDS = [
  'password-reset',
  'enrolment',
  'already-enrolled',
  'password-changed',
  'test-email',
  'email-changed',
] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

interface Recipient {
  email: string;
  name: string;
}
interface Base<K extends EmailKind, D> {
  kind: K;
  tenantId: string;
  version: 1;
  recipient: Recipient;
  locale: Locale;
  data: D;
}

/** The link's token is not in the payload: it sits encrypted in the outbox row until sent. */
export type PasswordResetEmail = Base<
  'password-reset',
  { username: string; expiresInMinutes: number }
>;
export type EnrolmentEmail = Base<'enrolment', { username: string; expiresInMinutes: number }>;
export type AlreadyEnrolledEmail = Base<'already-enrolled', { username: string }>;
export type PasswordChangedEmail = Base<
  'password-changed',
  { username: string; changedAt: string }
>;
export type TestEmail = Base<'test-email', { requestedBy: string }>;
/** Sent to the account's previous address when its address changes (import, admin). */
export type EmailChangedEmail = Base<'email-changed', { username: string; changedAt: string }>;

export type EmailPayload =
  | PasswordResetEmail
  | EnrolmentEmail
  | AlreadyEnrolledEmail
  | PasswordChangedEmail
  | TestEmail
  | EmailChangedEmail;
export type EmailPayloadOf<K extends EmailKind> = Extract<EmailPayload, { kind: K }>;
/** Kinds whose email carries a link with a single-use token. */
export const LINK_KINDS: readonly EmailKind[] = ['password-reset', 'enrolment'];

/** What a BullMQ job carries: the outbox row id only. */
export interface EmailJobData {
  outboxId: string;
  tenantId: string;
  kind: EmailKind;
  version: 1;
}
/** The job id is derived from the outbox row so a re-enqueue never duplicates a waiting job. */
export const emailJobId = (outboxId: string): string => `email-${outboxId}`;

export const DELIVERY_STATUSES = ['queued', 'sending', 'sent', 'failed', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** A scheduled directory sync of one tenant (queue `directory`): the worker's scheduler adds one per tenant that is due. */
export interface DirectorySyncJobData {
  tenantId: string;
  version: 1;
}
/** One waiting job per tenant at most: a tick that finds the tenant still queued adds nothing. */
export const directoryJobId = (tenantId: string): string => `directory-${tenantId}`;
