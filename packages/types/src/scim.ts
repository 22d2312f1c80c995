import { z } from 'zod';
import { safeString } from './safe-text.js';

/**
 * `POST scim-tokens` → 201 ScimTokenCreated (the token this once). The name refuses control
 * characters and lone surrogates (see safe-text.ts): PostgreSQL would refuse them with an error.
 */
export const scimTokenCreateSchema = z
  .object({ name: safeString().trim().min(1).max(200) })
  .strict();
export type ScimTokenCreateRequest = z.input<typeof scimTokenCreateSchema>;

/** A SCIM token as the admin app lists it (never the token). */
export interface ScimTokenView {
  id: string;
  name: string;
  createdBy: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface ScimTokenCreated extends ScimTokenView {
  /** The bearer token: shown once, stored only as its SHA-256. */
  token: string;
  /** What to paste into Microsoft Entra ID as the "Tenant URL": `{tenant public URL}/scim/v2`. */
  scimUrl: string;
}

/** `GET scim-tokens` → the tokens and the tenant's SCIM base URL. */
export interface ScimTokenList {
  scimUrl: string;
  tokens: ScimTokenView[];
}
