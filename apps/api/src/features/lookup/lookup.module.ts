import { Module } from '@nestjs/common';
import { LookupController } from './lookup.controller.js';
import { LookupUsername } from './lookup-username.usecase.js';

@Module({ controllers: [LookupController], providers: [LookupUsername], exports: [LookupUsername] })
export class LookupModule {}
