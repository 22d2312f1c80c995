import { Module } from '@nestjs/common';
import { RecoveryController } from './recovery.controller.js';
import { ResetPassword } from './reset-password.usecase.js';

@Module({ controllers: [RecoveryController], providers: [ResetPassword], exports: [ResetPassword] })
export class RecoveryModule {}
