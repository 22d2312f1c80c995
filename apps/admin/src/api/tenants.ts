import type {
  AddHostRequest,
  BrandingAssetKind,
  BrandingAssetView,
  CreateTenantRequest,
  PasswordPolicyTestRequest,
  PasswordPolicyTestResponse,
  TenantDetail,
  TenantSettingsPatch,
  TenantSummary,
  UpdateTenantRequest,
  UsernameRuleTestRequest,
  UsernameRuleTestResponse,
} from '@guichet/types';
import { seg, type TransportClass } from './transport';

/** Tenants, their hosts, settings and branding images, and the rule testers. */
export const withTenants = <B extends TransportClass>(Base: B) =>
  class extends Base {
    // Tenants
    tenants(signal?: AbortSignal): Promise<TenantSummary[]> {
      return this.json('GET', '/tenants', { signal });
    }
    createTenant(body: CreateTenantRequest): Promise<TenantDetail> {
      return this.json('POST', '/tenants', { body });
    }
    tenant(tenantId: string, signal?: AbortSignal): Promise<TenantDetail> {
      return this.json('GET', `/tenants/${seg(tenantId)}`, { signal });
    }
    updateTenant(tenantId: string, body: UpdateTenantRequest): Promise<TenantDetail> {
      return this.json('PATCH', `/tenants/${seg(tenantId)}`, { body });
    }
    addHost(tenantId: string, hostName: AddHostRequest['hostName']): Promise<TenantDetail> {
      return this.json('POST', `/tenants/${seg(tenantId)}/hosts`, { body: { hostName } });
    }
    removeHost(tenantId: string, hostName: string): Promise<TenantDetail> {
      return this.json('DELETE', `/tenants/${seg(tenantId)}/hosts/${seg(hostName)}`, {});
    }
    updateSettings(tenantId: string, patch: TenantSettingsPatch): Promise<TenantDetail> {
      return this.json('PATCH', `/tenants/${seg(tenantId)}/settings`, { body: patch });
    }
    /** The file as the body; the API tells PNG, JPEG and SVG from its bytes. */
    uploadBrandingAsset(
      tenantId: string,
      kind: BrandingAssetKind,
      file: Blob,
    ): Promise<BrandingAssetView> {
      return this.json('PUT', `/tenants/${seg(tenantId)}/branding/${seg(kind)}`, {
        body: file,
        contentType: file.type.startsWith('image/') ? file.type : 'application/octet-stream',
      });
    }
    removeBrandingAsset(tenantId: string, kind: BrandingAssetKind): Promise<void> {
      return this.json('DELETE', `/tenants/${seg(tenantId)}/branding/${seg(kind)}`, {});
    }
    /** The stored (sanitised) image, for a preview (a bearer-token download, so fetched here). */
    async brandingAsset(
      tenantId: string,
      kind: BrandingAssetKind,
      signal?: AbortSignal,
    ): Promise<Blob> {
      const response = await this.send('GET', `/tenants/${seg(tenantId)}/branding/${seg(kind)}`, {
        accept: 'image/*',
        signal,
      });
      return response.blob();
    }
    testUsernameRule(
      tenantId: string,
      body: UsernameRuleTestRequest,
      signal?: AbortSignal,
    ): Promise<UsernameRuleTestResponse> {
      return this.json('POST', `/tenants/${seg(tenantId)}/username-rule/test`, { body, signal });
    }
    testPasswordPolicy(
      tenantId: string,
      body: PasswordPolicyTestRequest,
      signal?: AbortSignal,
    ): Promise<PasswordPolicyTestResponse> {
      return this.json('POST', `/tenants/${seg(tenantId)}/password-policy/test`, { body, signal });
    }
  };
