import { z } from 'zod';

/**
 * OpenID Connect clients of a tenant, in the admin API
 * (`/api/v1/admin/tenants/:tenantId/oidc-clients`). Redirect URIs are compared exactly;
 * https, except http to localhost, 127.0.0.1 and (outside production) the base domain.
 */
const uri = z.string().trim().min(1).max(2000);
const uris = z.array(uri).max(20);

/** `POST oidc-clients` → 201 OidcClientCreated (the secret, of a confidential client, this once). */
export const oidcClientCreateSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    redirectUris: uris.min(1),
    postLogoutRedirectUris: uris.default([]),
    /** OpenID Connect Back-Channel Logout: the provider posts a logout token here when the person's grants end. */
    backchannelLogoutUri: uri.nullable().default(null),
    /** No secret; PKCE required (a mobile or single-page application). Cannot change later. */
    public: z.boolean().default(false),
    /** The institution's own application: no consent page. */
    firstParty: z.boolean().default(false),
  })
  .strict();
export type OidcClientCreateRequest = z.input<typeof oidcClientCreateSchema>;

/** `PATCH oidc-clients/:clientId` → OidcClientView. */
export const oidcClientUpdateSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    redirectUris: uris.min(1).optional(),
    postLogoutRedirectUris: uris.optional(),
    /** null removes it. */
    backchannelLogoutUri: uri.nullable().optional(),
    firstParty: z.boolean().optional(),
  })
  .strict();
export type OidcClientUpdateRequest = z.input<typeof oidcClientUpdateSchema>;

export interface OidcClientView {
  clientId: string;
  name: string;
  public: boolean;
  firstParty: boolean;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  backchannelLogoutUri: string | null;
  /** When a token was last issued to it (to the minute); null if never. */
  lastUsedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A created client, or one whose secret was just rotated (`POST oidc-clients/:clientId/secret`): the secret is never shown again. */
export interface OidcClientCreated extends OidcClientView {
  clientSecret?: string;
}
