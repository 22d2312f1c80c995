import { Module } from '@nestjs/common';
import { RecoveryModule } from '../recovery/recovery.module.js';
import { EnrolmentController } from './enrolment.controller.js';

@Module({ imports: [RecoveryModule], controllers: [EnrolmentController] })
export class EnrolmentModule {}
