import { CreateDateColumn, UpdateDateColumn } from 'typeorm';

/** `created_at timestamptz`, set by the database when the row is inserted. */
export const CreatedAt = (): PropertyDecorator =>
  CreateDateColumn({ name: 'created_at', type: 'timestamptz' });

/** `updated_at timestamptz`, set on insert and on every save through TypeORM. */
export const UpdatedAt = (): PropertyDecorator =>
  UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' });
