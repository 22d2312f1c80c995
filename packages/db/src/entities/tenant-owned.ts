import {
  Column,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Tenant } from './tenant.entity.js';

/** The relation to the row's tenant over `tenant_id`: the row is deleted with its tenant. */
function TenantRelation(): PropertyDecorator {
  const join = JoinColumn({ name: 'tenant_id' });
  const relation = ManyToOne(() => Tenant, { onDelete: 'CASCADE' });
  return (target, property) => {
    join(target, property);
    relation(target, property);
  };
}

/**
 * The columns every row of a tenant-owned table starts with, inherited by the entities (not a
 * table itself): `tenant_id`, a foreign key to its tenant.
 */
export abstract class TenantOwned {
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @TenantRelation() tenant?: Relation<Tenant>;
}

/** A tenant-owned row identified by a generated uuid `id`. */
export abstract class TenantOwnedEntity extends TenantOwned {
  @PrimaryGeneratedColumn('uuid') id!: string;
}

/** A tenant-owned row whose primary key starts with `tenant_id` (one row per tenant and key). */
export abstract class TenantKeyed {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @TenantRelation() tenant?: Relation<Tenant>;
}
