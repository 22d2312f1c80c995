import { Column, Entity, Index } from 'typeorm';
import { CreatedAt } from './columns.js';
import { AccountOwnedEntity } from './account-owned.js';

export type TokenPurpose = 'password-reset' | 'enrolment';

/** A single-use emailed token. Only its SHA-256 is stored here. */
@Entity('action_tokens')
@Index('ix_action_tokens_user_purpose', ['tenantId', 'userId', 'purpose'])
export class ActionToken extends AccountOwnedEntity {
  @Column('varchar', { length: 30 }) purpose!: TokenPurpose;
  @Column('bytea', { name: 'token_hash', unique: true }) tokenHash!: Buffer;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt!: Date;
  @Column('timestamptz', { name: 'consumed_at', nullable: true }) consumedAt!: Date | null;
  @Column('timestamptz', { name: 'voided_at', nullable: true }) voidedAt!: Date | null;
  @CreatedAt() createdAt!: Date;
}
