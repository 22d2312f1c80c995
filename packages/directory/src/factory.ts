import type { Encryptor, SmtpAllowList } from '@guichet/platform';
import type { Cluster, Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { DirectoryLock } from './lock.js';
import { DirectorySync } from './sync.js';
import { DirectoryTargetPolicy } from './target.js';

/** The sync as the worker, the API and the CLI build it from their configuration. */
export function createDirectorySync(options: {
  dataSource: DataSource;
  redis: Redis | Cluster;
  redisPrefix: string;
  encryptor: Encryptor;
  /** DIRECTORY_ALLOWED_HOSTS parsed (AppConfig.directoryAllowList). */
  allowList: SmtpAllowList;
  pageSize?: number;
}): DirectorySync {
  return new DirectorySync({
    dataSource: options.dataSource,
    encryptor: options.encryptor,
    targets: new DirectoryTargetPolicy(options.allowList),
    lock: new DirectoryLock(options.redis, options.redisPrefix),
    pageSize: options.pageSize,
  });
}
