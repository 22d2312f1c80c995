import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PasswordHasher } from './password-hasher.js';
import { SIGNING_KEY, type SigningKey } from './signing-key.js';

@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [SIGNING_KEY],
      useFactory: (key: SigningKey) => ({
        privateKey: key.privateKeyPem,
        publicKey: key.publicKeyPem,
        signOptions: { algorithm: 'ES256', keyid: key.kid },
        verifyOptions: { algorithms: ['ES256'] },
      }),
    }),
  ],
  providers: [PasswordHasher],
  exports: [JwtModule, PasswordHasher],
})
export class CryptoModule {}
