import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt, UpdatedAt } from './columns.js';

@Entity('tenants')
export class Tenant {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('varchar', { length: 50, unique: true }) slug!: string;
  @Column('varchar', { length: 200 }) name!: string;
  /** Base URL of the portal; every emailed link starts with it (never with the request's Host). */
  @Column('varchar', { name: 'public_url', length: 500 }) publicUrl!: string;
  @Column('varchar', { length: 20, default: 'active' }) status!: 'active' | 'disabled';
  @CreatedAt() createdAt!: Date;
  @UpdatedAt() updatedAt!: Date;
}
