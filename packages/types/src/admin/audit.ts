/** The admin API: audit log. */
import { z } from 'zod';

import { optional, page, pageSize, search } from './common.js';

/**
 * `GET tenants/:tenantId/audit?action=&actor=&from=&to=&page=&pageSize=` → `Page<AuditEventView>`,
 * newest first; `GET tenants/:tenantId/audit.csv` (same filters) → text/csv.
 * `GET audit` and `GET audit.csv` (platform admins): platform events (tenants created, admin accounts).
 * `action` is a prefix (`settings.` matches every settings change); `actor` matches the
 * admin's email or the actor id; `from`/`to` are ISO 8601 date-times (or dates).
 */
export const auditQuerySchema = z
  .object({
    action: optional(
      z
        .string()
        .trim()
        .max(100)
        .regex(/^[\w.*-]+$/, 'letters, digits, dots, hyphens'),
    ),
    actor: optional(search),
    from: optional(z.union([z.iso.datetime({ offset: true }), z.iso.date()])),
    to: optional(z.union([z.iso.datetime({ offset: true }), z.iso.date()])),
    page,
    pageSize,
  })
  .refine((q) => !q.from || !q.to || new Date(q.from) <= new Date(q.to), {
    message: 'from must be before to',
    path: ['to'],
  });
export type AuditQuery = z.input<typeof auditQuerySchema>;

export interface AuditEventView {
  id: string;
  /** ISO 8601. */
  at: string;
  actor: {
    type: 'user' | 'admin' | 'system' | 'anonymous' | 'scim';
    id: string | null;
    /** The admin's email, the account's username, a SCIM token's name, or null. */
    label: string | null;
  };
  action: string;
  target: { type: string; id: string } | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  ip: string | null;
}

/** Columns of the audit CSV export, in order. */
export const AUDIT_CSV_COLUMNS = [
  'id',
  'at',
  'actorType',
  'actorId',
  'actor',
  'action',
  'targetType',
  'targetId',
  'before',
  'after',
  'ip',
] as const;
