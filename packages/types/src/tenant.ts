import { z } from 'zod';
import type { Locale } from './locale.js';
import type {
  Branding,
  Features,
  PasswordPolicy,
  TenantTexts,
  UsernameRule,
} from './tenant-settings.js';

export const slugSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,48}[a-z0-9]$/, 'lower-case letters, digits and hyphens (3 to 50)')
  .refine((s) => !['admin', 'api', 'www'].includes(s), 'this name is reserved');

export const hostNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(
    /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/,
    'a host name such as portail.example.ca',
  );

/** `GET /api/v1/tenant`: what any visitor of a portal may know. */
export interface PublicTenant {
  slug: string;
  name: string;
  publicUrl: string;
  defaultLocale: Locale;
  locales: Locale[];
  branding: Branding;
  texts: Record<Locale, TenantTexts>;
  usernameRule: UsernameRule;
  passwordPolicy: PasswordPolicy;
  features: Features;
}

/** Admin view of a tenant in lists. */
export interface TenantSummary {
  id: string;
  slug: string;
  name: string;
  publicUrl: string;
  hostNames: string[];
  status: 'active' | 'disabled';
  createdAt: string;
}
