import { Check, Column, Entity, Index, Unique } from 'typeorm';
import { CreatedAt, UpdatedAt } from './columns.js';
import { TenantOwnedEntity } from './tenant-owned.js';

/** An institution's account. `username` is stored normalized (trimmed, NFC, lower case). */
@Entity('users')
@Check('ck_users_username_normalized', '"username" = lower(btrim("username"))')
@Index('uq_users_tenant_username', ['tenantId', 'username'], { unique: true })
@Index('uq_users_tenant_external_id', ['tenantId', 'externalId'], {
  unique: true,
  where: 'external_id IS NOT NULL',
})
@Index('ix_users_tenant_email', ['tenantId', 'email'])
/** The target of the composite foreign keys `(tenant_id, user_id)` of the rows that belong to an account. */
@Unique('uq_users_tenant_id', ['tenantId', 'id'])
export class User extends TenantOwnedEntity {
  @Column('varchar', { length: 200 }) username!: string;
  @Column('varchar', { name: 'first_name', length: 200 }) firstName!: string;
  @Column('varchar', { name: 'last_name', length: 200 }) lastName!: string;
  @Column('varchar', { length: 320 }) email!: string;
  @Column('varchar', { name: 'external_id', length: 200, nullable: true }) externalId!:
    string | null;
  /** Null until the account is enrolled (first password set through an emailed link). */
  @Column('varchar', { name: 'password_hash', length: 500, nullable: true }) passwordHash!:
    string | null;
  /** Hashes of previous passwords, newest first (for the policy's history rule). */
  @Column('jsonb', { name: 'password_history', default: () => "'[]'" }) passwordHistory!: string[];
  /**
   * Who provisions the account: 'directory' once an LDAP sync created or claimed it (it is
   * then disabled when the directory no longer returns it); null for accounts made otherwise.
   */
  @Column('varchar', { length: 20, nullable: true }) source!: string | null;
  @Column('varchar', { length: 20, default: 'active' }) status!: 'active' | 'disabled';
  @Column('timestamptz', { name: 'enrolled_at', nullable: true }) enrolledAt!: Date | null;
  @Column('timestamptz', { name: 'password_changed_at', nullable: true })
  passwordChangedAt!: Date | null;
  @Column('integer', { name: 'failed_logins', default: 0 }) failedLogins!: number;
  @Column('timestamptz', { name: 'locked_until', nullable: true }) lockedUntil!: Date | null;
  @Column('timestamptz', { name: 'last_login_at', nullable: true }) lastLoginAt!: Date | null;
  @CreatedAt() createdAt!: Date;
  @UpdatedAt() updatedAt!: Date;
}
