import type { TenantSettings as Settings, StoredDirectorySettings } from '@guichet/types';
import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { UpdatedAt } from './columns.js';
import { Tenant } from './tenant.entity.js';

/** One row per tenant; `settings` is validated by `tenantSettingsSchema` before every write. */
@Entity('tenant_settings')
export class TenantSettingsRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @OneToOne(() => Tenant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id' })
  tenant?: Relation<Tenant>;
  @Column('jsonb') settings!: Settings;
  /** Tenant SMTP settings; the password is encrypted with DATA_ENCRYPTION_KEY. Null = platform SMTP_URL. */
  @Column('jsonb', { name: 'smtp', nullable: true }) smtp!: {
    host: string;
    port: number;
    secure: boolean;
    user: string | null;
    passwordCiphertext: string | null;
  } | null;
  /** Directory (LDAP) sync settings; the bind password is encrypted with DATA_ENCRYPTION_KEY. Null = no directory. */
  @Column('jsonb', { name: 'directory', nullable: true })
  directory!: StoredDirectorySettings | null;
  /** Bumped on every change: cache keys of pages and emails include it. */
  @Column('integer', { default: 1 }) version!: number;
  @UpdatedAt() updatedAt!: Date;
}
