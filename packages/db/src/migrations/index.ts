import type { MigrationInterface } from 'typeorm';
import { Initial1795451790779 } from './1795451790779-Initial.js';
import { AdminAccess1795456852211 } from './1795456852211-AdminAccess.js';
import { OidcProvider1796166351079 } from './1796166351079-OidcProvider.js';
import { SessionLimits1796166436480 } from './1796166436480-SessionLimits.js';
import { AccountRequests1796169113909 } from './1796169113909-AccountRequests.js';
import { TenantAssets1796170300000 } from './1796170300000-TenantAssets.js';
import { OidcClientLogout1796180000000 } from './1796180000000-OidcClientLogout.js';
import { TenantScopedUserKeys1796196652659 } from './1796196652659-TenantScopedUserKeys.js';
import { DirectorySync1796196752341 } from './1796196752341-DirectorySync.js';
import { ScimTokens1796196852819 } from './1796196852819-ScimTokens.js';
import { TenantAssetsFkName1796235752863 } from './1796235752863-TenantAssetsFkName.js';

type MigrationClass = new () => MigrationInterface;

/** Every migration, in order. Generated with `pnpm --filter @guichet/db migration:generate src/migrations/Name`. */
export const MIGRATIONS: MigrationClass[] = [
  Initial1795451790779,
  AdminAccess1795456852211,
  OidcProvider1796166351079,
  SessionLimits1796166436480,
  AccountRequests1796169113909,
  TenantAssets1796170300000,
  OidcClientLogout1796180000000,
  TenantScopedUserKeys1796196652659,
  DirectorySync1796196752341,
  ScimTokens1796196852819,
  TenantAssetsFkName1796235752863,
];
