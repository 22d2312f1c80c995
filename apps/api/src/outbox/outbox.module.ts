import { Global, Module } from '@nestjs/common';
import { BackgroundWork } from '../request/background-work.js';
import { AccountEmails } from './account-emails.js';
import { EmailOutbox } from './email-outbox.js';

@Global()
@Module({ providers: [EmailOutbox, AccountEmails, BackgroundWork], exports: [EmailOutbox, AccountEmails, BackgroundWork] })
export class OutboxModule {}
