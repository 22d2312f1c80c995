import { USER_SCHEMA } from './scim-schemas.js';

/** Largest page of a list (`count` above it is lowered to it). */
export const MAX_PAGE = 200;

/** What this endpoint supports (RFC 7643 §5): PATCH and filter yes; bulk, sort, ETags, password change, groups no. */
export function serviceProviderConfig(baseUrl: string) {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
    documentationUri:
      'https://github.com/guichet/guichet#provisioning-from-microsoft-entra-id-scim',
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_PAGE },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'Bearer token',
        description:
          'A SCIM token of this tenant, created in the admin app or with pnpm guichet scim-tokens add.',
        primary: true,
      },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${baseUrl}/ServiceProviderConfig` },
  };
}

/** Users only: groups are not provisioned (access is the account's, not a group's). */
export function userResourceType(baseUrl: string) {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
    id: 'User',
    name: 'User',
    endpoint: '/Users',
    description: 'An account of the tenant',
    schema: USER_SCHEMA,
    schemaExtensions: [],
    meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/User` },
  };
}

const attribute = (name: string, extra: Record<string, unknown> = {}, type = 'string') => ({
  name,
  type,
  multiValued: false,
  required: false,
  caseExact: false,
  mutability: 'readWrite',
  returned: 'default',
  uniqueness: 'none',
  ...extra,
});

/** The User schema as this endpoint keeps it (the attributes it stores). */
export function userSchema(baseUrl: string) {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:Schema'],
    id: USER_SCHEMA,
    name: 'User',
    description: 'An account of the tenant',
    attributes: [
      attribute('userName', {
        required: true,
        uniqueness: 'server',
        description:
          'The username, checked against the tenant’s username rule (stored in lower case)',
      }),
      attribute('externalId', { caseExact: true, uniqueness: 'server' }),
      attribute(
        'name',
        {
          type: 'complex',
          subAttributes: [
            attribute('givenName'),
            attribute('familyName'),
            attribute('formatted', { mutability: 'readOnly' }),
          ],
        },
        'complex',
      ),
      attribute('displayName', { mutability: 'readOnly' }),
      attribute('active', {}, 'boolean'),
      attribute(
        'emails',
        {
          multiValued: true,
          required: true,
          description: 'One address is kept: the primary one, else the work one',
          subAttributes: [
            attribute('value'),
            attribute('type'),
            attribute('primary', {}, 'boolean'),
          ],
        },
        'complex',
      ),
    ],
    meta: { resourceType: 'Schema', location: `${baseUrl}/Schemas/${USER_SCHEMA}` },
  };
}
