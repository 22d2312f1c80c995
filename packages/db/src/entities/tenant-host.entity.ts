import {
  Check,
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

/** A host name answering for a tenant: `{slug}.{BASE_DOMAIN}` or a custom domain. Stored lower case. */
@Entity('tenant_hosts')
@Check('ck_tenant_hosts_lower', '"host_name" = lower("host_name")')
export class TenantHost {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index() @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @ManyToOne(() => Tenant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id' })
  tenant?: Relation<Tenant>;
  @Column('varchar', { name: 'host_name', length: 253, unique: true }) hostName!: string;
  @Column('boolean', { name: 'is_primary', default: false }) isPrimary!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
