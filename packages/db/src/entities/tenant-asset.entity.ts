import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import { UpdatedAt } from './columns.js';
import { TenantKeyed } from './tenant-owned.js';

export type TenantAssetKind = 'logo' | 'favicon';

/**
 * An image a tenant admin uploaded for the portal (logo, favicon), already checked and, for
 * SVG, sanitised: served as stored. One per kind; `sha256` names it in its immutable URL.
 */
@Entity('tenant_assets')
@Check('ck_tenant_assets_kind', `"kind" IN ('logo', 'favicon')`)
export class TenantAsset extends TenantKeyed {
  @PrimaryColumn('varchar', { length: 16 }) kind!: TenantAssetKind;
  @Column('varchar', { name: 'content_type', length: 40 }) contentType!: string;
  @Column('char', { length: 64 }) sha256!: string;
  @Column('int', { name: 'byte_size' }) byteSize!: number;
  @Column('bytea') content!: Buffer;
  @UpdatedAt() updatedAt!: Date;
}
