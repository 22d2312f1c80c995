import type { MigrationInterface } from 'typeorm';
import { Initial1795451790779 } from './1795451790779-Initial.js';

type MigrationClass = new () => MigrationInterface;

/** Every migration, in order. Generated with `pnpm --filter @guichet/db migration:generate src/migrations/Name`. */
export const MIGRATIONS: MigrationClass[] = [Initial1795451790779];
