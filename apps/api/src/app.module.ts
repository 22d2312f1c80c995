import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ENTITIES } from '@guichet/db';
import { AccountsModule } from './features/admin/users/accounts.module.js';
import { AdminModule } from './features/admin/admin.module.js';
import { AuditModule } from './platform/audit/audit.module.js';
import { AuthModule } from './features/auth/auth.module.js';
import { SessionLivenessModule } from './features/auth/session-liveness.js';
import type { AppConfig } from './platform/config/config.js';
import { ConfigModule } from './platform/config/config.module.js';
import { CryptoModule } from './platform/crypto/crypto.module.js';
import type { SigningKey } from './platform/crypto/signing-key.js';
import { EnrolmentModule } from './features/enrolment/enrolment.module.js';
import { HealthModule } from './platform/health/health.module.js';
import { LookupModule } from './features/lookup/lookup.module.js';
import { MetricsModule } from './platform/metrics/metrics.module.js';
import { OidcModule } from './features/oidc/oidc.module.js';
import { OutboxModule } from './platform/outbox/outbox.module.js';
import { PortalModule } from './features/portal/portal.module.js';
import { RecoveryModule } from './features/recovery/recovery.module.js';
import { RepositoriesModule } from './platform/database/repositories.module.js';
import { RedisModule } from './platform/redis/redis.module.js';
import { SecurityModule } from './platform/security/security.module.js';
import { TenancyModule } from './platform/tenancy/tenancy.module.js';
import { DirectoryModule } from './features/directory/directory.module.js';
import { ScimModule } from './features/scim/scim.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, signingKey: SigningKey): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, signingKey),
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: config.DATABASE_URL,
          entities: ENTITIES,
          synchronize: false,
          migrationsRun: false,
          poolSize: 20,
          applicationName: 'guichet-api',
          uuidExtension: 'pgcrypto',
          retryAttempts: 2,
          retryDelay: 1000,
        }),
        RepositoriesModule,
        RedisModule,
        CryptoModule,
        MetricsModule,
        TenancyModule,
        HealthModule,
        AuditModule,
        SecurityModule,
        OutboxModule,
        AdminModule,
        SessionLivenessModule,
        AuthModule,
        RecoveryModule,
        EnrolmentModule,
        LookupModule,
        AccountsModule,
        DirectoryModule,
        PortalModule,
        OidcModule,
        ScimModule,
      ],
    };
  }
}
