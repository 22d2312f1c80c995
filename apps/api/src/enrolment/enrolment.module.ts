import { Module } from '@nestjs/common';
import { EnrolmentController } from './enrolment.controller.js';
import { RequestEnrolment } from './request-enrolment.usecase.js';

@Module({ controllers: [EnrolmentController], providers: [RequestEnrolment], exports: [RequestEnrolment] })
export class EnrolmentModule {}
