import { z } from 'zod';
import { localeSchema } from './locale.js';
import { safeString } from './safe-text.js';

/** Error body of every 4xx/5xx of the JSON API. */
export interface ApiError {
  error: string;
  message: string;
  /** Field problems of a 400: path → messages. */
  fields?: Record<string, string[]>;
  violations?: { code: string; message: string }[];
}

/** Text fields refuse control characters and lone surrogates (see safe-text.ts): PostgreSQL refuses them with an error. */
const username = safeString().trim().min(1).max(200);
const password = z.string().min(1).max(1024);

export const rememberSchema = z.enum(['all', 'username', 'none']);
export type Remember = z.infer<typeof rememberSchema>;

export const loginRequestSchema = z
  .object({ username, password, remember: rememberSchema.default('username') })
  .strict();
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export interface UserView {
  id: string;
  username: string;
  firstName: string;
  lastName: string;
  email: string;
}
export interface LoginResponse {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: UserView;
}

export const usernameRequestSchema = z
  .object({ username, locale: localeSchema.optional() })
  .strict();
export type UsernameRequest = z.infer<typeof usernameRequestSchema>;

export const resetPasswordRequestSchema = z
  .object({ token: z.string().min(1).max(200), password, locale: localeSchema.optional() })
  .strict();
export type ResetPasswordRequest = z.infer<typeof resetPasswordRequestSchema>;

const personName = safeString().trim().min(1).max(100);
export const lookupRequestSchema = z
  .object({ firstName: personName, lastName: personName })
  .strict();
export type LookupRequest = z.infer<typeof lookupRequestSchema>;
/** Candidate usernames of the people with that name (never their email or anything else). */
export interface LookupResponse {
  usernames: string[];
}

/** The one reply of `POST /password/forgot` and `POST /enrollment`, whether or not the account exists. */
export interface AcceptedResponse {
  status: 'accepted';
  message: string;
}

/** Account import (CSV): one entry per data line of the file. */
export type ImportLineStatus = 'created' | 'updated' | 'unchanged' | 'rejected';
export interface ImportLineReport {
  /** Line number in the file (the header is line 1). */
  line: number;
  status: ImportLineStatus;
  username?: string;
  /** For a rejected line: a stable code and an English sentence. */
  code?: string;
  reason?: string;
}
export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** With `disableMissing`: the tenant's active accounts the file did not name, disabled. */
  disabled?: number;
}
/** An account a full export (`disableMissing`) disabled because no line named it. */
export interface ImportDisabledAccount {
  id: string;
  username: string;
}
export interface ImportReport {
  encoding: 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'utf-16le' | 'utf-16be';
  delimiter: ',' | ';';
  summary: ImportSummary;
  /** One entry per line, in file order (the admin API keeps up to 10,000 rejected and 10,000 other lines). */
  lines: ImportLineReport[];
  /** True when lines were left out of `lines` (very large files); `summary` still counts them all. */
  truncated: boolean;
  durationMs: number;
  /** With `disableMissing`: the accounts disabled (or, in a dry run, that would be), by username. */
  disabled?: ImportDisabledAccount[];
  /** A preview: everything was checked and counted, nothing was written. */
  dryRun?: boolean;
}
