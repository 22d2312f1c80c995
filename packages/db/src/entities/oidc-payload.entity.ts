import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TenantKeyed } from './tenant-owned.js';

/**
 * What the OpenID provider stores (sessions, interactions, grants, codes, access and refresh
 * tokens), one row per artefact, scoped to its tenant's issuer.
 */
@Entity('oidc_payloads')
@Index('ix_oidc_payloads_grant', ['tenantId', 'grantId'])
@Index('ix_oidc_payloads_uid', ['tenantId', 'uid'])
@Index('ix_oidc_payloads_account', ['tenantId', 'accountId'])
@Index('ix_oidc_payloads_expires', ['expiresAt'])
export class OidcPayload extends TenantKeyed {
  /** The provider's model name: Session, Interaction, Grant, AuthorizationCode, AccessToken, RefreshToken… */
  @PrimaryColumn('varchar', { length: 40 }) model!: string;
  @PrimaryColumn('varchar', { length: 200 }) id!: string;
  @Column('jsonb') payload!: Record<string, unknown>;
  @Column('varchar', { name: 'grant_id', length: 200, nullable: true }) grantId!: string | null;
  @Column('varchar', { name: 'user_code', length: 200, nullable: true }) userCode!: string | null;
  @Column('varchar', { length: 200, nullable: true }) uid!: string | null;
  /** The user (sub) the artefact belongs to, so a person's grants can all be ended. */
  @Column('varchar', { name: 'account_id', length: 200, nullable: true }) accountId!: string | null;
  @Column('timestamptz', { name: 'expires_at', nullable: true }) expiresAt!: Date | null;
  @Column('timestamptz', { name: 'consumed_at', nullable: true }) consumedAt!: Date | null;
}
