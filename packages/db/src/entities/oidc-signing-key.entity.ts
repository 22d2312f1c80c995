import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedAt } from './columns.js';
import { TenantOwned } from './tenant-owned.js';

export type OidcKeyStatus = 'active' | 'previous' | 'retired';

/**
 * A tenant's ID token signing key, its private JWK encrypted under DATA_ENCRYPTION_KEY.
 * `active` signs; `previous` only verifies (still in the JWKS) until it is retired.
 */
@Entity('oidc_signing_keys')
@Index('ix_oidc_signing_keys_tenant', ['tenantId', 'status'])
export class OidcSigningKey extends TenantOwned {
  @PrimaryColumn('varchar', { length: 64 }) kid!: string;
  @Column('varchar', { length: 10 }) status!: OidcKeyStatus;
  @Column('text', { name: 'private_jwk_ciphertext' }) privateJwkCiphertext!: string;
  @CreatedAt() createdAt!: Date;
  @Column('timestamptz', { name: 'retired_at', nullable: true }) retiredAt!: Date | null;
}
