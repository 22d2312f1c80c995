import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { directoryAccounts, type TenantId } from '@guichet/db';
import { auditDirectory, directoryView } from '@guichet/directory';
import type { DirectorySettingsView } from '@guichet/types';
import type { DataSource } from 'typeorm';
import { type AdminActor, adminAudit } from '../admin/access/admin-request.js';
import { AuditLog } from '../../platform/audit/audit-log.js';
import { ApiDirectorySync } from './api-directory-sync.js';

/** `PUT directory` (and `DELETE`, input null): the settings, the password encrypted, audited. */
@Injectable()
export class SaveDirectorySettings {
  constructor(
    private readonly api: ApiDirectorySync,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async execute(
    actor: AdminActor,
    tenantId: TenantId,
    input: unknown | null,
  ): Promise<DirectorySettingsView> {
    // Outside the transaction: a DNS lookup must not hold the settings row locked.
    const request = input === null ? null : await this.api.validate(input);
    return this.dataSource.transaction(async (em) => {
      const current = await directoryAccounts.lockSettings(em, tenantId);
      const saved = request ? this.api.store(request, current) : null;
      const stored = saved?.stored ?? null;
      await directoryAccounts.saveSettings(em, tenantId, stored);
      await this.audit.recordIn(em, {
        ...adminAudit(actor, tenantId, stored ? 'directory.configured' : 'directory.removed'),
        targetType: 'tenant',
        targetId: tenantId,
        before: auditDirectory(current),
        details: stored
          ? {
              ...auditDirectory(stored),
              passwordChanged: saved!.passwordChanged,
              passwordDropped: saved!.passwordDropped,
            }
          : null,
      });
      return directoryView(stored);
    });
  }
}
