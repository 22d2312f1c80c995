import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createDirectorySync, DirectorySync, DirectoryTargetPolicy } from '@guichet/directory';
import { Encryptor } from '@guichet/platform';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { type AppConfig, CONFIG } from '../../platform/config/config.js';
import { REDIS } from '../../platform/redis/redis.module.js';

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
