import { BadRequestException, Injectable } from '@nestjs/common';
import type { TenantId } from '@guichet/db';
import type { DirectoryTestResponse } from '@guichet/types';
import { type AdminActor, adminAudit } from '../admin/access/admin-request.js';
import { AuditLog } from '../../platform/audit/audit-log.js';
import { ApiDirectorySync } from './api-directory-sync.js';
import { DirectoryQueries } from './directory.queries.js';
import { NOT_CONFIGURED } from './directory.shared.js';

/** "Test connection": the settings given (the stored password when left blank), or the stored ones. */
@Injectable()
export class TestDirectoryConnection {
  constructor(
    private readonly queries: DirectoryQueries,
    private readonly api: ApiDirectorySync,
    private readonly audit: AuditLog,
  ) {}

  async execute(
    actor: AdminActor,
    tenantId: TenantId,
    body: unknown,
  ): Promise<DirectoryTestResponse> {
    // An empty body (or none) tests the stored settings.
    const input = body && typeof body === 'object' && Object.keys(body).length ? body : null;
    const current = await this.queries.stored(tenantId);
    const settings = input
      ? this.api.store(await this.api.validate(input), current).stored
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
