import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedAt, UpdatedAt } from './columns.js';
import { TenantOwned } from './tenant-owned.js';

/**
 * An OpenID Connect relying party of one tenant. The secret of a confidential client is
 * shown once and kept only as its SHA-256 (it is 256 random bits: a slow hash adds nothing).
 */
@Entity('oidc_clients')
@Index('ix_oidc_clients_tenant', ['tenantId'])
export class OidcClient extends TenantOwned {
  @PrimaryColumn('varchar', { name: 'client_id', length: 64 }) clientId!: string;
  @Column('varchar', { length: 200 }) name!: string;
  /** null for a public client (token endpoint auth method `none`, PKCE required). */
  @Column('bytea', { name: 'secret_hash', nullable: true }) secretHash!: Buffer | null;
  @Column('text', { name: 'redirect_uris', array: true }) redirectUris!: string[];
  @Column('text', { name: 'post_logout_redirect_uris', array: true, default: () => "'{}'" })
  postLogoutRedirectUris!: string[];
  /** First-party applications skip the consent page. */
  @Column('boolean', { name: 'first_party', default: false }) firstParty!: boolean;
  /** OpenID Connect Back-Channel Logout: where the provider posts a logout token when the person's grants end. */
  @Column('text', { name: 'backchannel_logout_uri', nullable: true }) backchannelLogoutUri!:
    string | null;
  /** When a token was last issued to the client (updated at most once a minute). */
  @Column('timestamptz', { name: 'last_used_at', nullable: true }) lastUsedAt!: Date | null;
  @CreatedAt() createdAt!: Date;
  @UpdatedAt() updatedAt!: Date;
}
