import { Column, Entity, Index } from 'typeorm';
import { CreatedAt } from './columns.js';
import { AccountOwnedEntity } from './account-owned.js';

/** A refresh token (hashed). Rotation keeps the family; reuse of a rotated token revokes the family. */
@Entity('refresh_sessions')
@Index('ix_refresh_sessions_user', ['tenantId', 'userId'])
@Index('ix_refresh_sessions_family', ['familyId'])
export class RefreshSession extends AccountOwnedEntity {
  @Column('uuid', { name: 'family_id' }) familyId!: string;
  @Column('bytea', { name: 'token_hash', unique: true }) tokenHash!: Buffer;
  /** Remember mode `all`: a persistent cookie; otherwise a browser-session cookie. */
  @Column('boolean') persistent!: boolean;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt!: Date;
  /** When the family began (the password sign-in), kept across rotations: its absolute lifetime counts from here. */
  @Column('timestamptz', { name: 'signed_in_at', default: () => 'now()' }) signedInAt!: Date;
  @Column('timestamptz', { name: 'rotated_at', nullable: true }) rotatedAt!: Date | null;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
  @Column('varchar', { name: 'user_agent', length: 500, nullable: true }) userAgent!: string | null;
  @Column('varchar', { length: 64, nullable: true }) ip!: string | null;
  @CreatedAt() createdAt!: Date;
}
