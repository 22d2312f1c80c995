// Used only by `pnpm --filter @guichet/db migration:generate` (TypeORM CLI).
import { parseEnv } from '@guichet/types';
import { createDataSource } from './data-source.js';

export default createDataSource(parseEnv(process.env).DATABASE_URL);
