import { Module } from '@nestjs/common';
import { OidcModule } from '../oidc/oidc.module.js';
import { CheckResetLink } from './check-reset-link.usecase.js';
import { RecoveryController } from './recovery.controller.js';
import { RequestAccountLink } from './request-account-link.usecase.js';
import { ResetPassword } from './reset-password.usecase.js';

@Module({
  imports: [OidcModule],
  controllers: [RecoveryController],
  providers: [ResetPassword, CheckResetLink, RequestAccountLink],
  exports: [ResetPassword, CheckResetLink, RequestAccountLink],
})
export class RecoveryModule {}
