import { type DynamicModule, Global, Module } from '@nestjs/common';
import { SIGNING_KEY, type SigningKey } from '../crypto/signing-key.js';
import { type AppConfig, CONFIG } from './config.js';

/** The validated configuration and the signing key, read once at start-up. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig, signingKey: SigningKey): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: CONFIG, useValue: config },
        { provide: SIGNING_KEY, useValue: signingKey },
      ],
      exports: [CONFIG, SIGNING_KEY],
    };
  }
}
