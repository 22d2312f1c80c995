import type { ActorType } from '../entities/audit-event.entity.js';
import type { TenantId } from '../tenant-id.js';
import { type AuditRecord, auditValues, insertAuditSql } from './audit-sql.js';
import { escapeLike, type PageQuery, type RowsPage, selectPage } from './paged.js';
import type { Queryable } from './queryable.js';

export type { AuditRecord } from './audit-sql.js';

/** Whose events: one tenant's, or the platform's (`null`: tenants created, admin accounts). */
export type AuditScope = TenantId | null;

export interface AuditFilter {
  /** A prefix; `*` matches anything. */
  action?: string;
  /** An actor id, an admin's email (part of it) or a username. */
  actor?: string;
  from?: Date;
  /** Exclusive. */
  to?: Date;
}

export interface AuditRow {
  id: string;
  at: Date;
  actorType: ActorType;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  ip: string | null;
}

const FROM = `audit_events e
  LEFT JOIN admin_accounts a ON e.actor_type = 'admin' AND a.id::text = e.actor_id
  LEFT JOIN users u ON e.actor_type = 'user' AND u.id::text = e.actor_id AND u.tenant_id = e.tenant_id`;
const COLUMNS = `e.id, e.created_at AS at, e.actor_type AS "actorType", e.actor_id AS "actorId", COALESCE(a.email, u.username, CASE WHEN e.actor_type = 'scim' THEN e.actor_id END) AS "actorLabel",
  e.action, e.target_type AS "targetType", e.target_id AS "targetId", e.before, e.after, e.ip`;

function filters(scope: AuditScope, filter: AuditFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const where = [scope === null ? 'e.tenant_id IS NULL' : `e.tenant_id = $${params.push(scope)}`];
  if (filter.action)
    where.push(
      `e.action LIKE $${params.push(`${escapeLike(filter.action).replace(/\*/g, '%')}%`)}`,
    );
  if (filter.actor) {
    const actor = filter.actor.toLowerCase();
    const p = `$${params.push(actor)}`;
    const like = `$${params.push(`%${escapeLike(actor)}%`)}`;
    where.push(
      `(lower(e.actor_id) = ${p} OR lower(a.email) LIKE ${like} OR lower(u.username) = ${p})`,
    );
  }
  if (filter.from) where.push(`e.created_at >= $${params.push(filter.from)}`);
  if (filter.to) where.push(`e.created_at < $${params.push(filter.to)}`);
  return { sql: where.join(' AND '), params };
}

/** Who did what, when (`audit_events`): a tenant's events, or the platform's. */
export class AuditEventsRepository {
  constructor(private readonly db: Queryable) {}

  in(db: Queryable): AuditEventsRepository {
    return new AuditEventsRepository(db);
  }

  async insert(scope: AuditScope, event: AuditRecord): Promise<void> {
    await this.db.query(insertAuditSql(1), [scope, ...auditValues(event)]);
  }

  /** `insert` of many events of one scope in one statement. */
  async insertMany(scope: AuditScope, events: readonly AuditRecord[]): Promise<void> {
    if (!events.length) return;
    const json = (v: Record<string, unknown> | null | undefined) => (v ? JSON.stringify(v) : null);
    await this.db.query(
      `INSERT INTO audit_events (tenant_id, actor_type, actor_id, action, target_type, target_id, before, after, ip, request_id)
       SELECT $1, v.actor_type, v.actor_id, v.action, v.target_type, v.target_id, v.before::jsonb, v.after::jsonb, v.ip, v.request_id
         FROM unnest($2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::varchar[], $7::text[], $8::text[], $9::varchar[], $10::varchar[])
           AS v(actor_type, actor_id, action, target_type, target_id, before, after, ip, request_id)`,
      [
        scope,
        events.map((e) => e.actorType),
        events.map((e) => e.actorId ?? null),
        events.map((e) => e.action),
        events.map((e) => e.targetType ?? null),
        events.map((e) => e.targetId ?? null),
        events.map((e) => json(e.before)),
        events.map((e) => json(e.details)),
        events.map((e) => e.ip ?? null),
        events.map((e) => e.requestId ?? null),
      ],
    );
  }

  /** One `user.email.changed` event per account whose address an import changed. */
  async insertEmailChanges(
    tenant: TenantId,
    actor: { type: ActorType; id: string | null },
    changes: readonly { userId: string; previous: string; next: string }[],
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_events (tenant_id, actor_type, actor_id, action, target_type, target_id, before, after)
       SELECT $1, $5, $6, 'user.email.changed', 'user', v.id::text, jsonb_build_object('email', v.old), jsonb_build_object('email', v.new)
         FROM unnest($2::uuid[], $3::varchar[], $4::varchar[]) AS v(id, old, new)`,
      [
        tenant,
        changes.map((c) => c.userId),
        changes.map((c) => c.previous),
        changes.map((c) => c.next),
        actor.type,
        actor.id,
      ],
    );
  }

  /** A page of events, newest first. */
  page(scope: AuditScope, filter: AuditFilter & PageQuery): Promise<RowsPage<AuditRow>> {
    const { sql, params } = filters(scope, filter);
    return selectPage<AuditRow>(
      this.db,
      { columns: COLUMNS, from: FROM, where: sql, orderBy: 'e.id DESC' },
      params,
      filter,
    );
  }

  /** Up to `limit` events older than the event `before` (the newest when null), newest first. */
  batch(
    scope: AuditScope,
    filter: AuditFilter,
    before: string | null,
    limit: number,
  ): Promise<AuditRow[]> {
    const { sql, params } = filters(scope, filter);
    const keyset = before === null ? '' : ` AND e.id < $${params.length + 1}`;
    return this.db.query<AuditRow[]>(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE ${sql}${keyset} ORDER BY e.id DESC LIMIT ${Math.trunc(limit)}`,
      before === null ? params : [...params, before],
    );
  }
}
