import {
  Check,
  Column,
  Entity,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { CreatedAt, OwnedBy, UpdatedAt } from './columns.js';
import { TenantKeyed } from './tenant-owned.js';

export type AdminRole = 'platform-admin' | 'tenant-admin';

/** An administrator of the admin app. `email` stored lower case. */
@Entity('admin_accounts')
@Check('ck_admin_accounts_email_lower', '"email" = lower("email")')
export class AdminAccount {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('varchar', { length: 320, unique: true }) email!: string;
  @Column('varchar', { name: 'password_hash', length: 500 }) passwordHash!: string;
  @Column('varchar', { length: 20 }) role!: AdminRole;
  /** Encrypted TOTP secret when the second factor is on. */
  @Column('text', { name: 'totp_secret_ciphertext', nullable: true }) totpSecretCiphertext!:
    string | null;
  /** Encrypted secret of a second factor being set up: active once a code from it is confirmed. */
  @Column('text', { name: 'totp_pending_ciphertext', nullable: true }) totpPendingCiphertext!:
    string | null;
  /** Time step of the last code accepted: a code is never accepted twice. */
  @Column('bigint', { name: 'totp_last_step', nullable: true }) totpLastStep!: string | null;
  /**
   * Stamped in every admin token and checked on every request: raising it ends every token
   * issued before (a new password, the second factor turned on).
   */
  @Column('integer', { name: 'token_version', default: 0 }) tokenVersion!: number;
  @Column('varchar', { length: 20, default: 'active' }) status!: 'active' | 'disabled';
  @Column('integer', { name: 'failed_logins', default: 0 }) failedLogins!: number;
  @Column('timestamptz', { name: 'locked_until', nullable: true }) lockedUntil!: Date | null;
  @Column('timestamptz', { name: 'last_login_at', nullable: true }) lastLoginAt!: Date | null;
  @CreatedAt() createdAt!: Date;
  @UpdatedAt() updatedAt!: Date;
}

/** A tenant admin may act on these tenants only. */
@Entity('admin_tenant_grants')
export class AdminTenantGrant extends TenantKeyed {
  @PrimaryColumn('uuid', { name: 'admin_id' }) adminId!: string;
  @OwnedBy(() => AdminAccount, { name: 'admin_id' }) admin?: Relation<AdminAccount>;
}
