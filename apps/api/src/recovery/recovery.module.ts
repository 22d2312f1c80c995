import { Module } from '@nestjs/common';
import { RecoveryController } from './recovery.controller.js';
import { RequestPasswordReset } from './request-password-reset.usecase.js';
import { ResetPassword } from './reset-password.usecase.js';

@Module({ controllers: [RecoveryController], providers: [RequestPasswordReset, ResetPassword], exports: [RequestPasswordReset, ResetPassword] })
export class RecoveryModule {}
