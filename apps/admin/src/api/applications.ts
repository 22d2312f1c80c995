import type {
  OidcClientCreated,
  OidcClientCreateRequest,
  OidcClientUpdateRequest,
  OidcClientView,
  ScimTokenCreated,
  ScimTokenCreateRequest,
  ScimTokenList,
  ScimTokenView,
} from '@guichet/types';
import { seg, type TransportClass } from './transport';

/** A tenant’s applications (OIDC clients) and SCIM tokens. */
export const withApplications = <B extends TransportClass>(Base: B) =>
  class extends Base {
    // Applications (OpenID Connect clients)
    oidcClients(tenantId: string, signal?: AbortSignal): Promise<OidcClientView[]> {
      return this.json('GET', `/tenants/${seg(tenantId)}/oidc-clients`, { signal });
    }
    /** A confidential client's secret is in this answer only. */
    createOidcClient(tenantId: string, body: OidcClientCreateRequest): Promise<OidcClientCreated> {
      return this.json('POST', `/tenants/${seg(tenantId)}/oidc-clients`, { body });
    }
    updateOidcClient(
      tenantId: string,
      clientId: string,
      body: OidcClientUpdateRequest,
    ): Promise<OidcClientView> {
      return this.json('PATCH', `/tenants/${seg(tenantId)}/oidc-clients/${seg(clientId)}`, {
        body,
      });
    }
    rotateOidcClientSecret(tenantId: string, clientId: string): Promise<OidcClientCreated> {
      return this.json('POST', `/tenants/${seg(tenantId)}/oidc-clients/${seg(clientId)}/secret`, {
        body: {},
      });
    }
    deleteOidcClient(tenantId: string, clientId: string): Promise<void> {
      return this.json('DELETE', `/tenants/${seg(tenantId)}/oidc-clients/${seg(clientId)}`, {});
    }
    scimTokens(tenantId: string, signal?: AbortSignal): Promise<ScimTokenList> {
      return this.json('GET', `/tenants/${seg(tenantId)}/scim-tokens`, { signal });
    }
    /** The token is in this answer only. */
    createScimToken(tenantId: string, body: ScimTokenCreateRequest): Promise<ScimTokenCreated> {
      return this.json('POST', `/tenants/${seg(tenantId)}/scim-tokens`, { body });
    }
    revokeScimToken(tenantId: string, tokenId: string): Promise<ScimTokenView> {
      return this.json('POST', `/tenants/${seg(tenantId)}/scim-tokens/${seg(tokenId)}/revoke`, {
        body: {},
      });
    }
  };
