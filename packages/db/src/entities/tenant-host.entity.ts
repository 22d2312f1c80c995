import { Check, Column, Entity, Index } from 'typeorm';
import { CreatedAt } from './columns.js';
import { TenantOwnedEntity } from './tenant-owned.js';

/** A host name answering for a tenant: `{slug}.{BASE_DOMAIN}` or a custom domain. Stored lower case. */
@Entity('tenant_hosts')
@Check('ck_tenant_hosts_lower', '"host_name" = lower("host_name")')
@Index(['tenantId'])
export class TenantHost extends TenantOwnedEntity {
  @Column('varchar', { name: 'host_name', length: 253, unique: true }) hostName!: string;
  @Column('boolean', { name: 'is_primary', default: false }) isPrimary!: boolean;
  @CreatedAt() createdAt!: Date;
}
