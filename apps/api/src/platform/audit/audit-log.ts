import { Injectable, Logger } from '@nestjs/common';
import {
  AuditEventsRepository,
  type AuditRecord,
  type Queryable,
  type TenantId,
} from '@guichet/db';
import type { RequestMeta } from '../request/request-meta.js';

/** An event as the API records it: the repository's record, with the request's facts. Never a password, a token or a hash. */
export interface AuditEntry extends Omit<AuditRecord, 'ip' | 'requestId'> {
  /** Null: a platform event (tenants created, admin accounts). */
  tenantId: TenantId | null;
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

  /** `recordIn` of many events of one tenant in one statement. */
  async recordManyIn(
    em: Queryable,
    tenantId: TenantId,
    entries: readonly AuditEntry[],
  ): Promise<void> {
    await this.events.in(em).insertMany(
      tenantId,
      entries.map(({ tenantId: _, ...entry }) => auditRecord(entry)),
    );
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

/** The row of an event of a tenant, the request's facts in it: for a statement that writes it beside its change. */
export function auditRecord(entry: Omit<AuditEntry, 'tenantId'>): AuditRecord {
  const { meta, ...event } = entry;
  return { ...event, ip: meta?.ip ?? null, requestId: meta?.requestId ?? null };
}

function insert(events: AuditEventsRepository, entry: AuditEntry): Promise<void> {
  const { tenantId, ...rest } = entry;
  return events.insert(tenantId, auditRecord(rest));
}
