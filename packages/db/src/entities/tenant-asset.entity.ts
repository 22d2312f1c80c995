import {
  Check,
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { Tenant } from './tenant.entity.js';

export type TenantAssetKind = 'logo' | 'favicon';

/**
 * An image a tenant admin uploaded for the portal (logo, favicon), already checked and, for
 * SVG, sanitised: served as stored. One per kind; `sha256` names it in its immutable URL.
 */
@Entity('tenant_assets')
@Check('ck_tenant_assets_kind', `"kind" IN ('logo', 'favicon')`)
export class TenantAsset {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @ManyToOne(() => Tenant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id' })
  tenant?: Relation<Tenant>;
  @PrimaryColumn('varchar', { length: 16 }) kind!: TenantAssetKind;
  @Column('varchar', { name: 'content_type', length: 40 }) contentType!: string;
  @Column('char', { length: 64 }) sha256!: string;
  @Column('int', { name: 'byte_size' }) byteSize!: number;
  @Column('bytea') content!: Buffer;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
