import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ActorType } from '@guichet/db';
import type { DataSource, EntityManager } from 'typeorm';
import type { RequestMeta } from '../request/request-meta.js';

export interface AuditEntry {
  tenantId: string | null;
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

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inside a transaction: the event commits (or not) with the change it describes. */
  async recordIn(em: EntityManager, entry: AuditEntry): Promise<void> {
    await insert(em, entry);
  }

  /** On its own: a failure to audit is logged and never fails the request. */
  async record(entry: AuditEntry): Promise<void> {
    try {
      await insert(this.dataSource, entry);
    } catch (error) {
      this.logger.warn(`audit event ${entry.action} not recorded: ${(error as Error).message}`);
    }
  }
}

function insert(db: DataSource | EntityManager, entry: AuditEntry): Promise<unknown> {
  return db.query(
    `INSERT INTO audit_events (tenant_id, actor_type, actor_id, action, target_type, target_id, before, after, ip, request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10)`,
    [
      entry.tenantId,
      entry.actorType,
      entry.actorId ?? null,
      entry.action,
      entry.targetType ?? null,
      entry.targetId ?? null,
      entry.before ? JSON.stringify(entry.before) : null,
      entry.details ? JSON.stringify(entry.details) : null,
      entry.meta?.ip ?? null,
      entry.meta?.requestId ?? null,
    ],
  );
}
