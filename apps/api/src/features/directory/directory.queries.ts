import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { directoryAccounts, directoryRuns, type TenantId } from '@guichet/db';
import { directoryView } from '@guichet/directory';
import type { DirectoryRunView, DirectorySettingsView } from '@guichet/types';
import type { DataSource } from 'typeorm';
import { RUN_NOT_FOUND } from './directory.shared.js';

/** The runs of the tenant, newest first, and one run with its report. */
@Injectable()
export class DirectoryQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(tenantId: TenantId): Promise<DirectoryRunView[]> {
    return directoryRuns.list(this.dataSource, tenantId);
  }

  async get(tenantId: TenantId, runId: string): Promise<DirectoryRunView> {
    const run = await directoryRuns.get(this.dataSource, tenantId, runId);
    if (!run) throw new NotFoundException(RUN_NOT_FOUND);
    return run;
  }

  async settings(tenantId: TenantId): Promise<DirectorySettingsView> {
    return directoryView(
      (await directoryAccounts.tenant(this.dataSource, tenantId))?.directory ?? null,
    );
  }
}
