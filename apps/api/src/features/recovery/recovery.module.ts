import { Module } from '@nestjs/common';
import { OidcModule } from '../oidc/oidc.module.js';
import { RecoveryController } from './recovery.controller.js';
import { ResetPassword } from './reset-password.usecase.js';

@Module({
  imports: [OidcModule],
  controllers: [RecoveryController],
  providers: [ResetPassword],
  exports: [ResetPassword],
})
export class RecoveryModule {}
