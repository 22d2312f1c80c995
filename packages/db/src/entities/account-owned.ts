import { Column, type Relation } from 'typeorm';
import { OwnedBy } from './columns.js';
import { TenantOwnedEntity } from './tenant-owned.js';
import { User } from './user.entity.js';

/** A row that belongs to one account (a token, a session), inherited by the entities. */
export abstract class AccountOwnedEntity extends TenantOwnedEntity {
  @Column('uuid', { name: 'user_id' }) userId!: string;
  /** Composite: a row can only point at an account of its own tenant. */
  @OwnedBy(
    () => User,
    [
      { name: 'tenant_id', referencedColumnName: 'tenantId' },
      { name: 'user_id', referencedColumnName: 'id' },
    ],
  )
  user?: Relation<User>;
}
