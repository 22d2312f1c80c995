import type { EmailKind, Locale } from '@guichet/types';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { UpdatedAt } from './columns.js';
import { TenantKeyed } from './tenant-owned.js';

/** A tenant's override of one email template in one locale. */
@Entity('email_templates')
export class EmailTemplate extends TenantKeyed {
  @PrimaryColumn('varchar', { length: 30 }) kind!: EmailKind;
  @PrimaryColumn('varchar', { length: 5 }) locale!: Locale;
  @Column('text') subject!: string;
  @Column('text') html!: string;
  @Column('text') text!: string;
  @UpdatedAt() updatedAt!: Date;
}
