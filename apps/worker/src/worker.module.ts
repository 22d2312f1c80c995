import { type DynamicModule, Global, Module } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { ENTITIES, REPOSITORIES } from '@guichet/db';
import type { DataSource } from 'typeorm';
import { Encryptor, encryptionKeyOrDev } from '@guichet/platform';
import { CONFIG, type WorkerConfig } from './config.js';
import { DirectoryScheduler } from './directory/directory-scheduler.js';
import { EmailProcessor } from './email/email.processor.js';
import { OutboxReconciler } from './email/outbox-reconciler.js';
import { SendEmail } from './email/send-email.usecase.js';
import { SentRecorder } from './email/sent-recorder.js';
import { TenantEmailSettings } from './email/tenant-email-settings.js';
import { TransportPool } from './email/transports.js';
import { WorkerMetrics } from './metrics.js';

/** The worker process: queue consumers and the outbox reconciler; no HTTP besides health/metrics. */
@Global()
@Module({})
export class WorkerModule {
  static forRoot(config: WorkerConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: config.DATABASE_URL,
          entities: ENTITIES,
          synchronize: false,
          poolSize: Math.min(50, config.WORKER_CONCURRENCY + 4),
          applicationName: 'guichet-worker',
          uuidExtension: 'pgcrypto',
          retryAttempts: 2,
        }),
      ],
      providers: [
        { provide: CONFIG, useValue: config },
        {
          provide: Encryptor,
          useValue: new Encryptor(
            encryptionKeyOrDev(config.DATA_ENCRYPTION_KEY, config.NODE_ENV === 'production'),
          ),
        },
        // Every query on a tenant-owned table goes through these (packages/db).
        ...REPOSITORIES.map((repository) => ({
          provide: repository,
          useFactory: (dataSource: DataSource) => new repository(dataSource),
          inject: [getDataSourceToken()],
        })),
        WorkerMetrics,
        TransportPool,
        TenantEmailSettings,
        SendEmail,
        SentRecorder,
        EmailProcessor,
        OutboxReconciler,
        DirectoryScheduler,
      ],
      exports: [CONFIG, WorkerMetrics],
    };
  }
}
