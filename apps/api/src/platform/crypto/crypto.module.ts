import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { Encryptor, encryptionKeyOrDev } from '@guichet/platform';
import { type AppConfig, CONFIG } from '../config/config.js';
import { PasswordHasher } from './password-hasher.js';
import { SIGNING_KEY, type SigningKey } from './signing-key.js';

@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [SIGNING_KEY],
      useFactory: (key: SigningKey) => ({
        // KeyObjects, not PEM: parsed once here rather than on every sign and verify.
        privateKey: key.privateKey,
        publicKey: key.publicKey,
        signOptions: { algorithm: 'ES256', keyid: key.kid },
        verifyOptions: { algorithms: ['ES256'] },
      }),
    }),
  ],
  providers: [
    PasswordHasher,
    // One key per process: outbox tokens, tenant SMTP passwords and admin TOTP secrets.
    {
      provide: Encryptor,
      inject: [CONFIG],
      useFactory: (c: AppConfig) =>
        new Encryptor(encryptionKeyOrDev(c.DATA_ENCRYPTION_KEY, c.NODE_ENV === 'production')),
    },
  ],
  exports: [JwtModule, PasswordHasher, Encryptor],
})
export class CryptoModule {}
