import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt } from './columns.js';

/** `scim`: a provisioning client, by its SCIM token's name. */
export type ActorType = 'user' | 'admin' | 'system' | 'anonymous' | 'scim';

/** Who did what, when, with before/after. Never holds a secret. */
@Entity('audit_events')
@Index('ix_audit_events_tenant_created', ['tenantId', 'createdAt'])
export class AuditEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id!: string;
  @Column('uuid', { name: 'tenant_id', nullable: true }) tenantId!: string | null;
  @Column('varchar', { name: 'actor_type', length: 20 }) actorType!: ActorType;
  @Column('varchar', { name: 'actor_id', length: 320, nullable: true }) actorId!: string | null;
  @Column('varchar', { length: 100 }) action!: string;
  @Column('varchar', { name: 'target_type', length: 50, nullable: true }) targetType!:
    string | null;
  @Column('varchar', { name: 'target_id', length: 200, nullable: true }) targetId!: string | null;
  @Column('jsonb', { nullable: true }) before!: Record<string, unknown> | null;
  @Column('jsonb', { nullable: true }) after!: Record<string, unknown> | null;
  @Column('varchar', { length: 64, nullable: true }) ip!: string | null;
  @Column('varchar', { name: 'request_id', length: 100, nullable: true }) requestId!: string | null;
  @CreatedAt() createdAt!: Date;
}
