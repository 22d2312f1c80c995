import { z } from 'zod';
import { localeSchema } from './locale.js';

/** Error body of every 4xx/5xx of the JSON API. */
export interface ApiError {
  error: string;
  message: string;
  /** Field problems of a 400: path → messages. */
  fields?: Record<string, string[]>;
  violations?: { code: string; message: string }[];
}

const username = z.string().trim().min(1).max(200);
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

export const usernameRequestSchema = z.object({ username, locale: localeSchema.optional() }).strict();
export type UsernameRequest = z.infer<typeof usernameRequestSchema>;

export const resetPasswordRequestSchema = z
  .object({ token: z.string().min(1).max(200), password })
  .strict();
export type ResetPasswordRequest = z.infer<typeof resetPasswordRequestSchema>;

export const lookupRequestSchema = z
  .object({ firstName: z.string().trim().min(1).max(100), lastName: z.string().trim().min(1).max(100) })
  .strict();
export type LookupRequest = z.infer<typeof lookupRequestSchema>;

export const adminLoginRequestSchema = z
  .object({ email: z.email().max(320), password, totp: z.string().regex(/^\d{6}$/).optional() })
  .strict();
export type AdminLoginRequest = z.infer<typeof adminLoginRequestSchema>;

export interface AdminView {
  id: string;
  email: string;
  role: 'platform-admin' | 'tenant-admin';
  tenantIds: string[];
}
export interface AdminLoginResponse {
  accessToken: string;
  expiresIn: number;
  admin: AdminView;
}
