import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ENTITIES } from '@guichet/db';
import { ClsModule } from 'nestjs-cls';
import type { FastifyRequest } from 'fastify';
import { AccountsModule } from './accounts/accounts.module.js';
import { AdminModule } from './admin/admin.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import type { AppConfig } from './config/config.js';
import { ConfigModule } from './config/config.module.js';
import { CryptoModule } from './crypto/crypto.module.js';
import type { SigningKey } from './crypto/signing-key.js';
import { EnrolmentModule } from './enrolment/enrolment.module.js';
import { HealthModule } from './health/health.module.js';
import { LookupModule } from './lookup/lookup.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { OidcModule } from './oidc/oidc.module.js';
import { OutboxModule } from './outbox/outbox.module.js';
import { PortalModule } from './portal/portal.module.js';
import { RecoveryModule } from './recovery/recovery.module.js';
import { RedisModule } from './redis/redis.module.js';
import { ScimModule } from './scim/scim.module.js';
import { SecurityModule } from './security/security.module.js';
import { CLS_HOST, CLS_TENANT } from './tenancy/tenant-context.js';
import { TenancyModule } from './tenancy/tenancy.module.js';

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
        // The tenant, resolved by the Host hook, is held in AsyncLocalStorage for the request.
        ClsModule.forRoot({
          global: true,
          guard: {
            mount: true,
            setup: (cls, context) => {
              const request = context.switchToHttp().getRequest<FastifyRequest>();
              cls.set(CLS_HOST, request.hostKind);
              if (request.hostKind?.kind === 'tenant') cls.set(CLS_TENANT, request.hostKind.tenant);
            },
          },
        }),
        RedisModule,
        CryptoModule,
        MetricsModule,
        TenancyModule,
        HealthModule,
        AuditModule,
        SecurityModule,
        OutboxModule,
        AdminModule,
        AuthModule,
        RecoveryModule,
        EnrolmentModule,
        LookupModule,
        AccountsModule,
        PortalModule,
        OidcModule,
        ScimModule,
      ],
    };
  }
}
