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

/** A refresh token (hashed). Rotation keeps the family; reuse of a rotated token revokes the family. */
@Entity('refresh_sessions')
@Index('ix_refresh_sessions_user', ['tenantId', 'userId'])
@Index('ix_refresh_sessions_family', ['familyId'])
export class RefreshSession {
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
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
