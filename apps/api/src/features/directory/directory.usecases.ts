import {
  BadRequestException,
  ConflictException,
  Inject,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { directoryAccounts, directoryRuns, type TenantId } from '@guichet/db';
import {
  auditDirectory,
  createDirectorySync,
  DirectoryNotConfigured,
  DirectorySettingsInvalid,
  DirectorySync,
  DirectorySyncBusy,
  DirectoryTargetPolicy,
  directoryView,
  parseDirectorySettings,
  refusalMessage,
  storeDirectorySettings,
} from '@guichet/directory';
import { Encryptor } from '@guichet/platform';
import type {
  DirectoryRunView,
  DirectorySettingsRequest,
  DirectorySettingsView,
  DirectorySyncRequest,
  DirectoryTestResponse,
} from '@guichet/types';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { DisableAccount } from '../admin/users/disable-account.usecase.js';
import { type AdminActor, adminAudit } from '../admin/access/admin-request.js';
import { AuditLog } from '../../platform/audit/audit-log.js';
import { type AppConfig, CONFIG } from '../../platform/config/config.js';
import { REDIS } from '../../platform/redis/redis.module.js';

export const RUN_NOT_FOUND = {
  error: 'not_found',
  message: 'This tenant has no run with this id.',
};
const NOT_CONFIGURED = {
  error: 'directory_not_configured',
  message: 'This tenant has no directory configured: save its settings first.',
};

/** Admin input as the CLI validates it: the schema, the filters' syntax, the server's address. */
async function validated(
  input: unknown,
  targets: DirectoryTargetPolicy,
): Promise<DirectorySettingsRequest> {
  let request: DirectorySettingsRequest;
  try {
    request = parseDirectorySettings(input);
  } catch (error) {
    if (error instanceof DirectorySettingsInvalid)
      throw new BadRequestException({
        error: 'invalid_directory_settings',
        message: error.message,
        fields: error.fields,
      });
    throw error;
  }
  const refused = await targets.refusal(request.url);
  if (refused) {
    const message = refusalMessage(refused);
    throw new BadRequestException({
      error: 'directory_target_refused',
      message,
      fields: { url: [message] },
    });
  }
  return request;
}

/** The sync as the API runs it: previews, "Sync now", test connection. */
@Injectable()
export class ApiDirectorySync {
  readonly sync: DirectorySync;
  readonly targets: DirectoryTargetPolicy;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    @Inject(REDIS) redis: Redis,
    @Inject(CONFIG) config: AppConfig,
    encryptor: Encryptor,
  ) {
    this.sync = createDirectorySync({
      dataSource,
      redis,
      redisPrefix: config.REDIS_PREFIX,
      encryptor,
      allowList: config.directoryAllowList,
    });
    this.targets = new DirectoryTargetPolicy(config.directoryAllowList);
  }
}

/** `PUT directory` (and `DELETE`, input null): the settings, the password encrypted, audited. */
@Injectable()
export class SaveDirectorySettings {
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
  ): Promise<DirectorySettingsView> {
    // Outside the transaction: a DNS lookup must not hold the settings row locked.
    const request = input === null ? null : await validated(input, this.api.targets);
    return this.dataSource.transaction(async (em) => {
      const current = await directoryAccounts.lockSettings(em, tenantId);
      const saved = request ? storeDirectorySettings(request, current, this.encryptor) : null;
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
    this.disableAccount.notify(tenantId, result.logouts.logouts);
    return (await directoryRuns.get(this.dataSource, tenantId, result.runId))!;
  }
}

/** The runs of the tenant, newest first, and one run with its report. */
@Injectable()
export class DirectoryRuns {
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
