import { Injectable, Logger } from '@nestjs/common';
import { type ActorType, AuditEventsRepository, type Queryable, type TenantId } from '@guichet/db';
import type { RequestMeta } from '../request/request-meta.js';

export interface AuditEntry {
  /** Null: a platform event (tenants created, admin accounts). */
  tenantId: TenantId | null;
  action: string;
  actorType: ActorType;
  actorId?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  /** State before a change (stored as `before`). Never a password, a token or a hash. */
  before?: Record<string, unknown> | null;
  /** Facts about the event, or the state after a change (stored as `after`). Never a password, a token or a hash. */
  details?: Record<string, unknown> | null;
  meta?: Pick<RequestMeta, 'ip' | 'requestId'> | null;
}

/** Who did what, when: one row of `audit_events` per security-relevant event. */
@Injectable()
export class AuditLog {
  private readonly logger = new Logger(AuditLog.name);

  constructor(private readonly events: AuditEventsRepository) {}

  /** Inside a transaction: the event commits (or not) with the change it describes. */
  async recordIn(em: Queryable, entry: AuditEntry): Promise<void> {
    await insert(this.events.in(em), entry);
  }

  /** On its own: a failure to audit is logged and never fails the request. */
  async record(entry: AuditEntry): Promise<void> {
    try {
      await insert(this.events, entry);
    } catch (error) {
      this.logger.warn(`audit event ${entry.action} not recorded: ${(error as Error).message}`);
    }
  }
}

function insert(events: AuditEventsRepository, entry: AuditEntry): Promise<void> {
  const { tenantId, meta, ...event } = entry;
  return events.insert(tenantId, {
    ...event,
    ip: meta?.ip ?? null,
    requestId: meta?.requestId ?? null,
  });
}
