import { Column, Entity, Index } from 'typeorm';
import { CreatedAt } from './columns.js';
import { TenantOwnedEntity } from './tenant-owned.js';

export type AccountRequestKind = 'forgot-password' | 'enrolment';

/**
 * A forgot-password or enrolment request accepted with 202 and not worked yet. Written before
 * the reply, deleted once worked: a process that dies in between leaves it for another
 * process to work (`retry_at`), so a 202 is never lost.
 */
@Entity('account_requests')
@Index('ix_account_requests_retry', ['retryAt'])
export class AccountRequest extends TenantOwnedEntity {
  @Column('varchar', { length: 20 }) kind!: AccountRequestKind;
  @Column('varchar', { length: 200 }) username!: string;
  @Column('varchar', { length: 5 }) locale!: string;
  /** Who asked (client address, user agent, our request id), for the audit log and the limits. */
  @Column('jsonb') meta!: Record<string, unknown>;
  /** When another process may take it up if it is still here. */
  @Column('timestamptz', { name: 'retry_at' }) retryAt!: Date;
  @Column('int', { default: 0 }) attempts!: number;
  @CreatedAt() createdAt!: Date;
}
