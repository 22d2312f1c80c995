import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { directoryAccounts, type TenantId } from '@guichet/db';
import { storeDirectorySettings } from '@guichet/directory';
import { Encryptor } from '@guichet/platform';
import type { DirectoryTestResponse } from '@guichet/types';
import type { DataSource } from 'typeorm';
import { type AdminActor, adminAudit } from '../admin/access/admin-request.js';
import { AuditLog } from '../../platform/audit/audit-log.js';
import { ApiDirectorySync } from './api-directory-sync.js';
import { NOT_CONFIGURED, validated } from './directory.shared.js';

/** "Test connection": the settings given (the stored password when left blank), or the stored ones. */
@Injectable()
export class TestDirectoryConnection {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly encryptor: Encryptor,
    private readonly audit: AuditLog,
    private readonly api: ApiDirectorySync,
  ) {}

  async execute(
    actor: AdminActor,
    tenantId: TenantId,
    input: unknown | null,
  ): Promise<DirectoryTestResponse> {
    const current = (await directoryAccounts.tenant(this.dataSource, tenantId))?.directory ?? null;
    const settings = input
      ? storeDirectorySettings(await validated(input, this.api.targets), current, this.encryptor)
          .stored
      : current;
    if (!settings) throw new BadRequestException(NOT_CONFIGURED);
    const result = await this.api.sync.test(settings);
    await this.audit.record({
      ...adminAudit(actor, tenantId, 'directory.tested'),
      targetType: 'tenant',
      targetId: tenantId,
      details: { url: settings.url, ok: result.ok, message: result.message },
    });
    return result;
  }
}
