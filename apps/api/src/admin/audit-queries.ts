import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AUDIT_CSV_COLUMNS,
  type AuditEventView,
  type auditQuerySchema,
  type Page,
} from '@guichet/types';
import { stringify } from 'csv-stringify';
import type { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import { escapeLike, selectPage } from './paged-query.js';

export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** Whose events: one tenant's, or the platform's (no tenant: tenants created, admin accounts). */
export type AuditScope = { tenantId: string } | { platform: true };

interface Row {
  id: string;
  at: Date;
  actorType: AuditEventView['actor']['type'];
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  ip: string | null;
}

const toView = (r: Row): AuditEventView => ({
  id: String(r.id),
  at: r.at.toISOString(),
  actor: { type: r.actorType, id: r.actorId, label: r.actorLabel },
  action: r.action,
  target:
    r.targetType && r.targetId
      ? { type: r.targetType, id: r.targetId }
      : r.targetType
        ? { type: r.targetType, id: '' }
        : null,
  before: r.before,
  after: r.after,
  ip: r.ip,
});

/** A date alone as `to` means the whole of that day. */
const endOf = (to: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(to)
    ? new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000)
    : new Date(to);

function filters(scope: AuditScope, query: AuditQuery): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const where = [
    'tenantId' in scope ? `e.tenant_id = $${params.push(scope.tenantId)}` : 'e.tenant_id IS NULL',
  ];
  if (query.action)
    where.push(`e.action LIKE $${params.push(`${escapeLike(query.action).replace(/\*/g, '%')}%`)}`);
  if (query.actor) {
    const actor = query.actor.toLowerCase();
    const p = `$${params.push(actor)}`;
    const like = `$${params.push(`%${escapeLike(actor)}%`)}`;
    where.push(
      `(lower(e.actor_id) = ${p} OR lower(a.email) LIKE ${like} OR lower(u.username) = ${p})`,
    );
  }
  if (query.from) where.push(`e.created_at >= $${params.push(new Date(query.from))}`);
  if (query.to) where.push(`e.created_at < $${params.push(endOf(query.to))}`);
  return { sql: where.join(' AND '), params };
}

const FROM = `audit_events e
  LEFT JOIN admin_accounts a ON e.actor_type = 'admin' AND a.id::text = e.actor_id
  LEFT JOIN users u ON e.actor_type = 'user' AND u.id::text = e.actor_id AND u.tenant_id = e.tenant_id`;
const COLUMNS = `e.id, e.created_at AS at, e.actor_type AS "actorType", e.actor_id AS "actorId", COALESCE(a.email, u.username, CASE WHEN e.actor_type = 'scim' THEN e.actor_id END) AS "actorLabel",
  e.action, e.target_type AS "targetType", e.target_id AS "targetId", e.before, e.after, e.ip`;

const CSV_BATCH = 1000;
/** Most rows one export holds (a filter narrows it). */
export const CSV_MAX_ROWS = 200_000;

/** Spreadsheets run a cell that starts with = + - @ as a formula: such cells get a leading quote. */
const defuse = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

/** The audit log, newest first: pages for the app, CSV for export. */
@Injectable()
export class AuditQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(scope: AuditScope, query: AuditQuery): Promise<Page<AuditEventView>> {
    const { sql, params } = filters(scope, query);
    return selectPage(
      this.dataSource,
      { columns: COLUMNS, from: FROM, where: sql, orderBy: 'e.id DESC' },
      params,
      query,
      toView,
    );
  }

  /** Every matching event as CSV (header first), read in batches so memory stays flat. */
  csv(scope: AuditScope, query: AuditQuery): Readable {
    const { sql, params } = filters(scope, query);
    const out = stringify({
      header: true,
      columns: [...AUDIT_CSV_COLUMNS],
      bom: true,
      cast: { string: defuse },
    });
    const pump = async () => {
      let before: string | null = null;
      let sent = 0;
      while (sent < CSV_MAX_ROWS) {
        const keyset = before === null ? '' : ` AND e.id < $${params.length + 1}`;
        const rows: Row[] = await this.dataSource.query<Row[]>(
          `SELECT ${COLUMNS} FROM ${FROM} WHERE ${sql}${keyset} ORDER BY e.id DESC LIMIT ${Math.min(CSV_BATCH, CSV_MAX_ROWS - sent)}`,
          before === null ? params : [...params, before],
        );
        for (const r of rows) {
          const ok = out.write({
            id: String(r.id),
            at: r.at.toISOString(),
            actorType: r.actorType,
            actorId: r.actorId ?? '',
            actor: r.actorLabel ?? '',
            action: r.action,
            targetType: r.targetType ?? '',
            targetId: r.targetId ?? '',
            before: r.before ? JSON.stringify(r.before) : '',
            after: r.after ? JSON.stringify(r.after) : '',
            ip: r.ip ?? '',
          });
          if (!ok) await new Promise((resolve) => out.once('drain', resolve));
        }
        sent += rows.length;
        if (rows.length < CSV_BATCH) break;
        before = String(rows.at(-1)!.id);
      }
      out.end();
    };
    pump().catch((error: Error) => out.destroy(error));
    return out;
  }
}
