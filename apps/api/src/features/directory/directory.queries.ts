import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { directoryAccounts, directoryRuns, type TenantId } from '@guichet/db';
import { directoryView } from '@guichet/directory';
import type {
  DirectoryRunView,
  DirectorySettingsView,
  StoredDirectorySettings,
} from '@guichet/types';
import type { DataSource } from 'typeorm';
import { RUN_NOT_FOUND } from './directory.shared.js';

/** The tenant's directory settings, its runs newest first, and one run with its report. */
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

  /** The settings as an admin sees them (never the bind password). */
  async settings(tenantId: TenantId): Promise<DirectorySettingsView> {
    return directoryView(await this.stored(tenantId));
  }

  /** The settings as stored (the bind password encrypted); null when there are none. */
  async stored(tenantId: TenantId): Promise<StoredDirectorySettings | null> {
    return (await directoryAccounts.tenant(this.dataSource, tenantId))?.directory ?? null;
  }
}
