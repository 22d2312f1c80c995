import { Body, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import {
  type DirectoryRunView,
  type DirectorySettingsView,
  type DirectorySyncRequest,
  directorySyncRequestSchema,
  type DirectoryTestResponse,
} from '@guichet/types';
import { Actor, type AdminActor, RouteTenant } from '../admin/access/admin-request.js';
import { IdParam } from '../admin/access/id-param.pipe.js';
import type { AdminTenant } from '../admin/access/tenant-access.guard.js';
import { ZodValidationPipe } from '../../platform/common/zod-validation.pipe.js';
import { DirectoryQueries } from './directory.queries.js';
import { RUN_NOT_FOUND } from './directory.shared.js';
import { RunDirectorySync } from './run-directory-sync.usecase.js';
import { SaveDirectorySettings } from './save-directory-settings.usecase.js';
import { TestDirectoryConnection } from './test-directory-connection.usecase.js';
import { TenantAdminController } from '../admin/access/admin-controller.js';

/** A tenant's directory (LDAP / Active Directory): settings, test connection, preview, sync now, runs. */
@TenantAdminController('directory')
export class DirectoryController {
  constructor(
    private readonly save: SaveDirectorySettings,
    private readonly test: TestDirectoryConnection,
    private readonly runSync: RunDirectorySync,
    private readonly runs: DirectoryQueries,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'The directory settings (never the bind password: passwordSet only) and the Active Directory defaults',
  })
  get(@RouteTenant() tenant: AdminTenant): Promise<DirectorySettingsView> {
    return this.runs.settings(tenant.id);
  }

  @Put()
  @ApiOperation({
    summary:
      'Sets the directory settings (bindPassword encrypted at rest; omitted = kept for the same URL and bind DN); audited',
  })
  put(
    @Actor() actor: AdminActor,
    @RouteTenant() tenant: AdminTenant,
    @Body() body: unknown,
  ): Promise<DirectorySettingsView> {
    return this.save.execute(actor, tenant.id, body ?? {});
  }

  @Delete()
  @ApiOperation({
    summary: 'Removes the directory settings (accounts are kept; scheduled syncs stop)',
  })
  remove(
    @Actor() actor: AdminActor,
    @RouteTenant() tenant: AdminTenant,
  ): Promise<DirectorySettingsView> {
    return this.save.execute(actor, tenant.id, null);
  }

  @Post('test')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Binds and reads a few entries, with the settings given (or the stored ones when the body is empty)',
  })
  testConnection(
    @Actor() actor: AdminActor,
    @RouteTenant() tenant: AdminTenant,
    @Body() body: unknown,
  ): Promise<DirectoryTestResponse> {
    return this.test.execute(actor, tenant.id, body);
  }

  @Post('sync')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Runs a sync now ({dryRun: true} = preview, nothing changed); the finished run with its report; 409 while another sync of the tenant runs',
  })
  sync(
    @Actor() actor: AdminActor,
    @RouteTenant() tenant: AdminTenant,
    @Body(new ZodValidationPipe(directorySyncRequestSchema)) body: DirectorySyncRequest,
  ): Promise<DirectoryRunView> {
    return this.runSync.execute(actor, tenant.id, body);
  }

  @Get('runs')
  @ApiOperation({ summary: 'The last 50 runs, newest first (counts, status, error)' })
  list(@RouteTenant() tenant: AdminTenant): Promise<DirectoryRunView[]> {
    return this.runs.list(tenant.id);
  }

  @Get('runs/:runId')
  @ApiOperation({ summary: 'One run with its report (the first 1,000 changes)' })
  one(
    @RouteTenant() tenant: AdminTenant,
    @Param('runId', new IdParam(RUN_NOT_FOUND)) runId: string,
  ): Promise<DirectoryRunView> {
    return this.runs.get(tenant.id, runId);
  }
}
