import { Column, Entity, Index } from 'typeorm';
import { CreatedAt } from './columns.js';
import { TenantOwnedEntity } from './tenant-owned.js';

/**
 * A bearer token of one tenant's SCIM 2.0 endpoint (a provisioning client such as Microsoft
 * Entra ID). Shown once; only its SHA-256 is kept (it is 256 random bits: a slow hash adds
 * nothing). Revoked tokens stay for the audit trail.
 */
@Entity('scim_tokens')
@Index('ix_scim_tokens_tenant', ['tenantId'])
@Index('uq_scim_tokens_hash', ['tokenHash'], { unique: true })
export class ScimToken extends TenantOwnedEntity {
  @Column('varchar', { length: 200 }) name!: string;
  @Column('bytea', { name: 'token_hash' }) tokenHash!: Buffer;
  /** Who created it: an admin's id, or `cli:USER`. */
  @Column('varchar', { name: 'created_by', length: 320, nullable: true }) createdBy!: string | null;
  @CreatedAt() createdAt!: Date;
  /** When a request last authenticated with it (updated at most once a minute). */
  @Column('timestamptz', { name: 'last_used_at', nullable: true }) lastUsedAt!: Date | null;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
}
