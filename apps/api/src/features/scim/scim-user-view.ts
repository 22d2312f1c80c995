import type { ScimUserRecord } from '@guichet/db';
import { LIST_RESPONSE, type ScimUserState, USER_SCHEMA } from './scim-schemas.js';

/** The SCIM base URL of a tenant: `{public URL}/scim/v2`. */
export const scimBaseUrl = (publicUrl: string) => `${publicUrl.replace(/\/+$/, '')}/scim/v2`;

/** An account as a SCIM User resource (RFC 7643 §4.1). */
export function toScimUser(user: ScimUserRecord, baseUrl: string) {
  const formatted = `${user.firstName} ${user.lastName}`.trim();
  return {
    schemas: [USER_SCHEMA],
    id: user.id,
    ...(user.externalId !== null ? { externalId: user.externalId } : {}),
    userName: user.username,
    name: { givenName: user.firstName, familyName: user.lastName, formatted },
    displayName: formatted || user.username,
    emails: [{ value: user.email, type: 'work', primary: true }],
    active: user.status === 'active',
    meta: {
      resourceType: 'User',
      created: user.createdAt.toISOString(),
      lastModified: user.updatedAt.toISOString(),
      location: `${baseUrl}/Users/${user.id}`,
      version: `W/"${user.updatedAt.getTime()}"`,
    },
  };
}

export function stateOf(user: ScimUserRecord): ScimUserState {
  return {
    userName: user.username,
    givenName: user.firstName,
    familyName: user.lastName,
    email: user.email,
    externalId: user.externalId,
    active: user.status === 'active',
  };
}

export function listResponse<T>(total: number, startIndex: number, resources: T[]) {
  return {
    schemas: [LIST_RESPONSE],
    totalResults: total,
    startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}
