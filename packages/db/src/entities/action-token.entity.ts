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
import { User } from './user.entity.js';

export type TokenPurpose = 'password-reset' | 'enrolment';

/** A single-use emailed token. Only its SHA-256 is stored here. */
@Entity('action_tokens')
@Index('ix_action_tokens_user_purpose', ['tenantId', 'userId', 'purpose'])
export class ActionToken {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @ManyToOne(() => Tenant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id' })
  tenant?: Relation<Tenant>;
  @Column('uuid', { name: 'user_id' }) userId!: string;
  /** Composite: a row can only point at an account of its own tenant. */
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId' },
    { name: 'user_id', referencedColumnName: 'id' },
  ])
  user?: Relation<User>;
  @Column('varchar', { length: 30 }) purpose!: TokenPurpose;
  @Column('bytea', { name: 'token_hash', unique: true }) tokenHash!: Buffer;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt!: Date;
  @Column('timestamptz', { name: 'consumed_at', nullable: true }) consumedAt!: Date | null;
  @Column('timestamptz', { name: 'voided_at', nullable: true }) voidedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
