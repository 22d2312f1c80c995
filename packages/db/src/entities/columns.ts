import {
  CreateDateColumn,
  JoinColumn,
  type JoinColumnOptions,
  ManyToOne,
  type ObjectType,
  UpdateDateColumn,
} from 'typeorm';

/** `created_at timestamptz`, set by the database when the row is inserted. */
export const CreatedAt = (): PropertyDecorator =>
  CreateDateColumn({ name: 'created_at', type: 'timestamptz' });

/** `updated_at timestamptz`, set on insert and on every save through TypeORM. */
export const UpdatedAt = (): PropertyDecorator =>
  UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' });

/** The relation to the row this one belongs to, over `join`: deleting the owner deletes the row. */
export function OwnedBy<T>(
  owner: () => ObjectType<T>,
  join: JoinColumnOptions | JoinColumnOptions[],
): PropertyDecorator {
  const joinColumn = JoinColumn(Array.isArray(join) ? join : [join]);
  const relation = ManyToOne(owner, { onDelete: 'CASCADE' });
  return (target, property) => {
    joinColumn(target, property);
    relation(target, property);
  };
}
