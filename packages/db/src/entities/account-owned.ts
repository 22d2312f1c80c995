import { Column, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TenantOwnedEntity } from './tenant-owned.js';
import { User } from './user.entity.js';

/** A row that belongs to one account (a token, a session), inherited by the entities. */
export abstract class AccountOwnedEntity extends TenantOwnedEntity {
  @Column('uuid', { name: 'user_id' }) userId!: string;
  /** Composite: a row can only point at an account of its own tenant. */
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId' },
    { name: 'user_id', referencedColumnName: 'id' },
  ])
  user?: Relation<User>;
}
