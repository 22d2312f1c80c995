import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  createDirectorySync,
  DirectorySync,
  DirectoryTargetPolicy,
  storeDirectorySettings,
} from '@guichet/directory';
import type { DirectorySettingsRequest, StoredDirectorySettings } from '@guichet/types';
import { Encryptor } from '@guichet/platform';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { type AppConfig, CONFIG } from '../../platform/config/config.js';
import { REDIS } from '../../platform/redis/redis.module.js';
import { validated } from './directory.shared.js';

/**
 * The sync as the API runs it (previews, "Sync now", test connection), and the admin's
 * settings as the CLI takes them: validated, the bind password encrypted.
 */
@Injectable()
export class ApiDirectorySync {
  readonly sync: DirectorySync;
  private readonly targets: DirectoryTargetPolicy;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    @Inject(REDIS) redis: Redis,
    @Inject(CONFIG) config: AppConfig,
    private readonly encryptor: Encryptor,
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

  /** Admin input as the CLI validates it (400 otherwise); a DNS lookup, so outside any transaction. */
  validate(input: unknown): Promise<DirectorySettingsRequest> {
    return validated(input, this.targets);
  }

  /** The settings to store: the password encrypted, or kept from `current` for the same URL and bind DN. */
  store(request: DirectorySettingsRequest, current: StoredDirectorySettings | null) {
    return storeDirectorySettings(request, current, this.encryptor);
  }
}
