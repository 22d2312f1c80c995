import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { TenantId } from '@guichet/db';
import type { OidcClientRecord, OidcClientStore } from './oidc-client-store.js';
import type { OidcPayloadData, OidcPayloadStore } from './oidc-payload-store.js';
import type { OidcPrefetch } from './oidc-prefetch.js';

/** The client metadata oidc-provider validates, from a stored client. */
export function clientMetadata(client: OidcClientRecord): AdapterPayload {
  return {
    client_id: client.clientId,
    client_name: client.name,
    // The provider compares secrets through Client#compareClientSecret, replaced to compare
    // hashes (see oidc-providers.ts): what it holds here is the SHA-256, never the secret.
    ...(client.public
      ? { token_endpoint_auth_method: 'none' }
      : { client_secret: client.secretHash!, token_endpoint_auth_method: 'client_secret_basic' }),
    redirect_uris: client.redirectUris,
    post_logout_redirect_uris: client.postLogoutRedirectUris,
    // With a session id always: the application ends that session, not every one of the person.
    ...(client.backchannelLogoutUri
      ? {
          backchannel_logout_uri: client.backchannelLogoutUri,
          backchannel_logout_session_required: true,
        }
      : {}),
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
  };
}

/** An oidc-provider adapter class bound to one tenant: every artefact is stored and looked up under its id. */
export function tenantAdapter(
  tenantId: TenantId,
  payloads: OidcPayloadStore,
  clients: OidcClientStore,
  prefetch: OidcPrefetch,
): new (model: string) => Adapter {
  return class TenantAdapter implements Adapter {
    constructor(private readonly model: string) {}

    async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
      await payloads.upsert(tenantId, this.model, id, payload as OidcPayloadData, expiresIn);
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      if (this.model === 'Client') {
        const client = prefetch.client(id) ?? (await clients.find(tenantId, id));
        return client ? clientMetadata(client) : undefined;
      }
      // Userinfo and introspection then look up the token's client, account and grant: read with it.
      if (this.model === 'AccessToken') {
        const found = await payloads.findWithRelated(tenantId, this.model, id);
        if (found) prefetch.keep(found.related, found.payload);
        return found?.payload as AdapterPayload | undefined;
      }
      const prefetched = this.model === 'Grant' ? prefetch.grant(id) : undefined;
      return (prefetched ?? (await payloads.find(tenantId, this.model, id))) as
        AdapterPayload | undefined;
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      const prefetched = this.model === 'Session' ? prefetch.session(uid) : undefined;
      return (prefetched ?? (await payloads.findByUid(tenantId, this.model, uid))) as
        AdapterPayload | undefined;
    }

    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      return (await payloads.findByUserCode(tenantId, this.model, userCode)) as
        AdapterPayload | undefined;
    }

    consume(id: string): Promise<void> {
      return payloads.consume(tenantId, this.model, id);
    }

    destroy(id: string): Promise<void> {
      return payloads.destroy(tenantId, this.model, id);
    }

    revokeByGrantId(grantId: string): Promise<void> {
      return payloads.revokeByGrantId(tenantId, grantId);
    }
  };
}
