// The one-event INSERT of `audit_events`, shared by the repository and by the statements that
// write an event beside the change it describes (RefreshSessionsRepository.insertAtSignIn).
import type { ActorType } from '../entities/audit-event.entity.js';

export interface AuditRecord {
  action: string;
  actorType: ActorType;
  actorId?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  /** State before a change (stored as `before`). */
  before?: Record<string, unknown> | null;
  /** Facts about the event, or the state after a change (stored as `after`). */
  details?: Record<string, unknown> | null;
  ip?: string | null;
  requestId?: string | null;
}

/**
 * `INSERT` of one event whose scope is `$first` and whose values (`auditValues`) follow it:
 * also written inside a statement that makes the change the event describes.
 */
export const insertAuditSql = (first: number): string => {
  const p = (i: number) => `$${first + i}`;
  return `INSERT INTO audit_events (tenant_id, actor_type, actor_id, action, target_type, target_id, before, after, ip, request_id)
       VALUES (${p(0)}, ${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}::jsonb, ${p(7)}::jsonb, ${p(8)}, ${p(9)})`;
};

/** The parameters of `insertAuditSql` after the scope, in its order. */
export const auditValues = (event: AuditRecord): unknown[] => [
  event.actorType,
  event.actorId ?? null,
  event.action,
  event.targetType ?? null,
  event.targetId ?? null,
  event.before ? JSON.stringify(event.before) : null,
  event.details ? JSON.stringify(event.details) : null,
  event.ip ?? null,
  event.requestId ?? null,
];
