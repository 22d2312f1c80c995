import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import { Tenant } from './tenant.entity.js';

export type OidcKeyStatus = 'active' | 'previous' | 'retired';

/**
 * A tenant's ID token signing key, its private JWK encrypted under DATA_ENCRYPTION_KEY.
 * `active` signs; `previous` only verifies (still in the JWKS) until it is retired.
 */
@Entity('oidc_signing_keys')
@Index('ix_oidc_signing_keys_tenant', ['tenantId', 'status'])
export class OidcSigningKey {
  @PrimaryColumn('varchar', { length: 64 }) kid!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @ManyToOne(() => Tenant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id' })
  tenant?: Relation<Tenant>;
  @Column('varchar', { length: 10 }) status!: OidcKeyStatus;
  @Column('text', { name: 'private_jwk_ciphertext' }) privateJwkCiphertext!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { name: 'retired_at', nullable: true }) retiredAt!: Date | null;
}
