import type { EmailKind, Locale } from '@guichet/types';
import {
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { Tenant } from './tenant.entity.js';

/** A tenant's override of one email template in one locale. */
@Entity('email_templates')
export class EmailTemplate {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @ManyToOne(() => Tenant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id' })
  tenant?: Relation<Tenant>;
  @PrimaryColumn('varchar', { length: 30 }) kind!: EmailKind;
  @PrimaryColumn('varchar', { length: 5 }) locale!: Locale;
  @Column('text') subject!: string;
  @Column('text') html!: string;
  @Column('text') text!: string;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
