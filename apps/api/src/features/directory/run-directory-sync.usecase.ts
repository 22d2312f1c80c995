import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { directoryRuns, type TenantId } from '@guichet/db';
import { DirectoryNotConfigured, DirectorySyncBusy } from '@guichet/directory';
import type { DirectoryRunView, DirectorySyncRequest } from '@guichet/types';
import type { DataSource } from 'typeorm';
import { DisableAccount } from '../admin/users/disable-account.usecase.js';
import type { AdminActor } from '../admin/access/admin-request.js';
import { ApiDirectorySync } from './api-directory-sync.js';
import { NOT_CONFIGURED } from './directory.shared.js';

/** "Preview" (dryRun) and "Sync now": the finished run with its report; 409 while another sync runs. */
@Injectable()
export class RunDirectorySync {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly api: ApiDirectorySync,
    private readonly disableAccount: DisableAccount,
  ) {}

  async execute(
    actor: AdminActor,
    tenantId: TenantId,
    input: DirectorySyncRequest,
  ): Promise<DirectoryRunView> {
    let result;
    try {
      result = await this.api.sync.run(tenantId, {
        trigger: 'manual',
        dryRun: input.dryRun,
        force: input.force,
        actor: { type: 'admin', id: actor.admin.id },
      });
    } catch (error) {
      if (error instanceof DirectorySyncBusy)
        throw new ConflictException({ error: 'directory_sync_running', message: error.message });
      if (error instanceof DirectoryNotConfigured) throw new BadRequestException(NOT_CONFIGURED);
      throw error;
    }
    await this.disableAccount.notify(tenantId, result.logouts.logouts);
    return (await directoryRuns.get(this.dataSource, tenantId, result.runId))!;
  }
}
