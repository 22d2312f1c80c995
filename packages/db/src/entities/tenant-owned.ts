import { Column, PrimaryColumn, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { OwnedBy } from './columns.js';
import { Tenant } from './tenant.entity.js';

/**
 * The columns every row of a tenant-owned table starts with, inherited by the entities (not a
 * table itself): `tenant_id`, a foreign key to its tenant.
 */
export abstract class TenantOwned {
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @OwnedBy(() => Tenant, { name: 'tenant_id' }) tenant?: Relation<Tenant>;
}

/** A tenant-owned row identified by a generated uuid `id`. */
export abstract class TenantOwnedEntity extends TenantOwned {
  @PrimaryGeneratedColumn('uuid') id!: string;
}

/** A tenant-owned row whose primary key starts with `tenant_id` (one row per tenant and key). */
export abstract class TenantKeyed {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @OwnedBy(() => Tenant, { name: 'tenant_id' }) tenant?: Relation<Tenant>;
}
