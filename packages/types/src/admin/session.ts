/** The admin API: sign-in and the signed-in admin. */
import { z } from 'zod';

import { email } from './common.js';

export const ADMIN_ROLES = ['platform-admin', 'tenant-admin'] as const;
export const adminRoleSchema = z.enum(ADMIN_ROLES);
export type AdminRole = z.infer<typeof adminRoleSchema>;

/** A 6-digit code of an authenticator app (RFC 6238, 30 s, SHA-1). */
export const totpCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'the 6-digit code of your authenticator app');

/**
 * `POST auth/login`. `totpCode` is required once the admin turned the second factor on
 * (`totp` is the former name of the field, still accepted).
 */
export const adminLoginRequestSchema = z
  .object({
    email,
    password: z.string().min(1).max(1024),
    totpCode: totpCodeSchema.optional(),
    totp: totpCodeSchema.optional(),
  })
  .strict();
export type AdminLoginRequest = z.infer<typeof adminLoginRequestSchema>;

/**
 * `error` of a 401 from `POST auth/login`: `totp_required` when the email and password are
 * right but the second-factor code is missing or wrong (show the code field); otherwise
 * `invalid_credentials` (unknown email, wrong password, disabled or locked account alike).
 */
export type AdminLoginError = 'invalid_credentials' | 'totp_required';

/** `GET me`, and the admin in a sign-in response. */
export interface AdminView {
  id: string;
  email: string;
  role: AdminRole;
  /** Tenants a tenant admin may manage (empty for a platform admin, who may manage all). */
  tenantIds: string[];
  totpEnabled: boolean;
}

export interface AdminLoginResponse {
  /** Bearer token for the admin API (audience `guichet-admin`; refused on every portal). */
  accessToken: string;
  /** The same token as `accessToken`. */
  token: string;
  /** Seconds until the token expires. */
  expiresIn: number;
  admin: AdminView;
}

/** `POST me/totp/setup`: a new secret, not active until `POST me/totp/enable` with a code from it. */
export interface TotpSetupResponse {
  /** Base32 secret, to type in by hand. */
  secret: string;
  /** `otpauth://totp/…` URI, to show as a QR code. */
  otpauthUrl: string;
}

/**
 * `POST me/totp/enable` → 200 `TotpEnabledResponse`: the admin, and a new token for this
 * session, since turning the second factor on ends every token issued before (this one too).
 */
export interface TotpEnabledResponse extends AdminView {
  accessToken: string;
  /** Seconds until `accessToken` expires. */
  expiresIn: number;
}

/** `POST me/totp/enable` and `POST me/totp/disable` (→ 200 `AdminView`). */
export const totpCodeRequestSchema = z.object({ code: totpCodeSchema }).strict();
export type TotpCodeRequest = z.infer<typeof totpCodeRequestSchema>;
