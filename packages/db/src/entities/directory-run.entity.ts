import type { DirectoryChange, DirectoryCounts, DirectoryTrigger } from '@guichet/types';
import { Column, Entity, Index } from 'typeorm';
import { TenantOwnedEntity } from './tenant-owned.js';

/** One directory sync (or preview) of a tenant, with its report (the first changes only). */
@Entity('directory_runs')
@Index('ix_directory_runs_tenant_started', ['tenantId', 'startedAt'])
export class DirectoryRun extends TenantOwnedEntity {
  @Column('varchar', { length: 20 }) trigger!: DirectoryTrigger;
  @Column('boolean', { name: 'dry_run' }) dryRun!: boolean;
  @Column('varchar', { length: 20, default: 'running' }) status!: 'running' | 'ok' | 'failed';
  @Column('timestamptz', { name: 'started_at', default: () => 'now()' }) startedAt!: Date;
  @Column('timestamptz', { name: 'finished_at', nullable: true }) finishedAt!: Date | null;
  /** The default written as PostgreSQL stores a jsonb (keys by length), so that it compares equal. */
  @Column('jsonb', {
    default: () => `'{"created": 0, "updated": 0, "disabled": 0, "rejected": 0, "unchanged": 0}'`,
  })
  counts!: DirectoryCounts;
  @Column('jsonb', { default: () => "'[]'" }) changes!: DirectoryChange[];
  @Column('boolean', { name: 'changes_truncated', default: false }) changesTruncated!: boolean;
  @Column('varchar', { length: 2000, nullable: true }) error!: string | null;
  /** Who asked: an admin's id, `cli:USER`, or null for the scheduler. */
  @Column('varchar', { name: 'actor_id', length: 320, nullable: true }) actorId!: string | null;
}
