import type {
  AdminAccountView,
  AdminLoginRequest,
  AdminLoginResponse,
  AdminView,
  CreateAdminRequest,
  TotpEnabledResponse,
  TotpSetupResponse,
  UpdateAdminRequest,
} from '@guichet/types';
import { seg, type TransportClass } from './transport';

/** The signed-in admin (sign-in, own account, second factor) and the administrators. */
export const withAccount = <B extends TransportClass>(Base: B) =>
  class extends Base {
    // Session and own account
    login(body: AdminLoginRequest, signal?: AbortSignal): Promise<AdminLoginResponse> {
      return this.json('POST', '/auth/login', { body, signal, auth: false });
    }
    me(signal?: AbortSignal): Promise<AdminView> {
      return this.json('GET', '/me', { signal });
    }
    totpSetup(): Promise<TotpSetupResponse> {
      return this.json('POST', '/me/totp/setup', { body: {} });
    }
    /** The second factor on: every earlier token has ended, the reply carries this session's new one. */
    totpEnable(code: string): Promise<TotpEnabledResponse> {
      return this.json('POST', '/me/totp/enable', { body: { code } });
    }
    totpDisable(code: string): Promise<AdminView> {
      return this.json('POST', '/me/totp/disable', { body: { code } });
    }

    // Administrators (platform admins)
    admins(signal?: AbortSignal): Promise<AdminAccountView[]> {
      return this.json('GET', '/admins', { signal });
    }
    createAdmin(body: CreateAdminRequest): Promise<AdminAccountView> {
      return this.json('POST', '/admins', { body });
    }
    updateAdmin(id: string, body: UpdateAdminRequest): Promise<AdminAccountView> {
      return this.json('PATCH', `/admins/${seg(id)}`, { body });
    }
  };
