import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Tenant } from './tenant.entity.js';

export type AccountRequestKind = 'forgot-password' | 'enrolment';

/**
 * A forgot-password or enrolment request accepted with 202 and not worked yet. Written before
 * the reply, deleted once worked: a process that dies in between leaves it for another
 * process to work (`retry_at`), so a 202 is never lost.
 */
@Entity('account_requests')
@Index('ix_account_requests_retry', ['retryAt'])
export class AccountRequest {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @ManyToOne(() => Tenant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id' })
  tenant?: Relation<Tenant>;
  @Column('varchar', { length: 20 }) kind!: AccountRequestKind;
  @Column('varchar', { length: 200 }) username!: string;
  @Column('varchar', { length: 5 }) locale!: string;
  /** Who asked (client address, user agent, our request id), for the audit log and the limits. */
  @Column('jsonb') meta!: Record<string, unknown>;
  /** When another process may take it up if it is still here. */
  @Column('timestamptz', { name: 'retry_at' }) retryAt!: Date;
  @Column('int', { default: 0 }) attempts!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
