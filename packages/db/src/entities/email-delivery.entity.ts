import type { DeliveryStatus, EmailKind, EmailPayload } from '@guichet/types';
import { Column, Entity, Index } from 'typeorm';
import { CreatedAt, UpdatedAt } from './columns.js';
import { TenantOwnedEntity } from './tenant-owned.js';

/**
 * The outbox and the delivery record in one row: written in the same transaction as the
 * token, read by the worker. `tokenCiphertext` holds the link's token encrypted until sent,
 * then is wiped.
 */
@Entity('email_deliveries')
@Index('ix_email_deliveries_tenant_created', ['tenantId', 'createdAt'])
@Index('ix_email_deliveries_pending', ['status', 'updatedAt'], {
  where: "status IN ('queued','sending')",
})
export class EmailDelivery extends TenantOwnedEntity {
  @Column('uuid', { name: 'user_id', nullable: true }) userId!: string | null;
  @Column('varchar', { length: 30 }) kind!: EmailKind;
  @Column('varchar', { length: 320 }) recipient!: string;
  @Column('jsonb') payload!: EmailPayload;
  @Column('uuid', { name: 'action_token_id', nullable: true }) actionTokenId!: string | null;
  @Column('text', { name: 'token_ciphertext', nullable: true }) tokenCiphertext!: string | null;
  @Column('varchar', { length: 20, default: 'queued' }) status!: DeliveryStatus;
  @Column('integer', { default: 0 }) attempts!: number;
  @Column('text', { name: 'last_error', nullable: true }) lastError!: string | null;
  @Column('varchar', { name: 'smtp_message_id', length: 500, nullable: true }) smtpMessageId!:
    string | null;
  @Column('timestamptz', { name: 'enqueued_at', nullable: true }) enqueuedAt!: Date | null;
  @Column('timestamptz', { name: 'sent_at', nullable: true }) sentAt!: Date | null;
  @CreatedAt() createdAt!: Date;
  @UpdatedAt() updatedAt!: Date;
}
