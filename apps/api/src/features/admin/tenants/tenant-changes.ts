import { isDeepStrictEqual } from 'node:util';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type SmtpRow, type TenantId, TenantSettingsRepository } from '@guichet/db';
import type { TenantSettings } from '@guichet/types';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditLog } from '../../../platform/audit/audit-log.js';
import { TenantCache } from '../../../platform/tenancy/tenant-cache.service.js';
import { type AdminActor, adminAudit } from '../access/admin-request.js';

export interface LockedSettings {
  settings: TenantSettings;
  smtp: SmtpRow;
  version: number;
}

/** The audit event of a change to a tenant (target: the tenant unless named). */
export interface TenantChangeAudit {
  action: string;
  targetType?: string;
  targetId?: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface TenantChange<T> {
  result: T;
  /** Audit event of the change; none when nothing changed. */
  audit?: TenantChangeAudit;
}

/**
 * Every change an admin makes to a tenant goes through here: in one transaction the
 * tenant's settings row is locked (concurrent changes queue up), the change is made, the
 * settings version is bumped (cache keys of pages and emails carry it) and the audit event
 * is written with its before/after; after the commit every API process is told, so the
 * portals show the change within a second.
 */
@Injectable()
export class TenantChanges {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: TenantSettingsRepository,
    private readonly audit: AuditLog,
    private readonly cache: TenantCache,
  ) {}

  async apply<T>(
    tenantId: TenantId,
    actor: AdminActor,
    change: (em: EntityManager, current: LockedSettings) => Promise<TenantChange<T>>,
  ): Promise<T> {
    const outcome = await this.dataSource.transaction(async (em) => {
      const settings = this.settings.in(em);
      const current = await settings.lock(tenantId);
      if (!current) throw new Error(`tenant ${tenantId} has no settings row`);
      const done = await change(em, current);
      if (done.audit) {
        await settings.bumpVersion(tenantId);
        const { action, targetType, targetId, before, after } = done.audit;
        await this.audit.recordIn(em, {
          ...adminAudit(actor, tenantId, action),
          targetType: targetType ?? 'tenant',
          targetId: targetId ?? tenantId,
          before,
          details: after,
        });
      }
      return done;
    });
    if (outcome.audit) await this.cache.invalidate(tenantId);
    return outcome.result;
  }

  /** `apply` for a change with no result: `change` answers its audit event, or null when nothing changed. */
  async record(
    tenantId: TenantId,
    actor: AdminActor,
    change: (em: EntityManager, current: LockedSettings) => Promise<TenantChangeAudit | null>,
  ): Promise<void> {
    await this.apply(tenantId, actor, async (em, current) => {
      const audit = await change(em, current);
      return audit ? { result: undefined, audit } : { result: undefined };
    });
  }
}

/** The sections of `after` that differ from `before` (key order aside: jsonb reorders keys), each side with only those sections. */
export function changedSections<T extends object>(
  before: T,
  after: T,
): { before: Partial<T>; after: Partial<T> } | null {
  const keys = (Object.keys(after) as (keyof T)[]).filter(
    (k) => !isDeepStrictEqual(before[k] ?? null, after[k] ?? null),
  );
  if (!keys.length) return null;
  return {
    before: Object.fromEntries(keys.map((k) => [k, before[k] ?? null])) as Partial<T>,
    after: Object.fromEntries(keys.map((k) => [k, after[k] ?? null])) as Partial<T>,
  };
}
