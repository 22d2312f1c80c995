import { Injectable } from '@nestjs/common';
import { type AuditFilter, AuditEventsRepository, type AuditRow, type TenantId } from '@guichet/db';
import {
  AUDIT_CSV_COLUMNS,
  type AuditEventView,
  type auditQuerySchema,
  type Page,
} from '@guichet/types';
import { stringify } from 'csv-stringify';
import type { Readable } from 'node:stream';
import type { z } from 'zod';

export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** Whose events: one tenant's, or the platform's (no tenant: tenants created, admin accounts). */
export type AuditScope = { tenantId: TenantId } | { platform: true };

const toView = (r: AuditRow): AuditEventView => ({
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

/** The repository's terms: a scope (a tenant, or the platform) and the filter with its dates. */
function terms(
  scope: AuditScope,
  query: AuditQuery,
): [scope: ReturnType<typeof scopeOf>, AuditFilter] {
  return [
    scopeOf(scope),
    {
      action: query.action,
      actor: query.actor,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? endOf(query.to) : undefined,
    },
  ];
}

const scopeOf = (scope: AuditScope) => ('tenantId' in scope ? scope.tenantId : null);

const CSV_BATCH = 1000;
/** Most rows one export holds (a filter narrows it). */
export const CSV_MAX_ROWS = 200_000;

/** Spreadsheets run a cell that starts with = + - @ as a formula: such cells get a leading quote. */
const defuse = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

/** The audit log, newest first: pages for the app, CSV for export. */
@Injectable()
export class AuditQueries {
  constructor(private readonly events: AuditEventsRepository) {}

  async page(scope: AuditScope, query: AuditQuery): Promise<Page<AuditEventView>> {
    const [where, filter] = terms(scope, query);
    const { rows, total } = await this.events.page(where, {
      ...filter,
      page: query.page,
      pageSize: query.pageSize,
    });
    return { items: rows.map(toView), total, page: query.page, pageSize: query.pageSize };
  }

  /** Every matching event as CSV (header first), read in batches so memory stays flat. */
  csv(scope: AuditScope, query: AuditQuery): Readable {
    const [where, filter] = terms(scope, query);
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
        const rows = await this.events.batch(
          where,
          filter,
          before,
          Math.min(CSV_BATCH, CSV_MAX_ROWS - sent),
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
