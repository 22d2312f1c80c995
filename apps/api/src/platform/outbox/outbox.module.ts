import { Global, Module } from '@nestjs/common';
import { BackgroundWork } from '../request/background-work.js';
import { AccountEmails } from './account-emails.js';
import { AccountRequestBatch } from './account-request-batch.js';
import { AccountRequests } from './account-requests.js';
import { EmailOutbox } from './email-outbox.js';

@Global()
@Module({
  providers: [EmailOutbox, AccountEmails, AccountRequestBatch, AccountRequests, BackgroundWork],
  exports: [EmailOutbox, AccountEmails, AccountRequests, BackgroundWork],
})
export class OutboxModule {}
