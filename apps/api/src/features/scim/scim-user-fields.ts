import type { ScimUserFields } from '@guichet/db';
import { checkUsername, usernameErrorMessage } from '@guichet/rules';
import type { UsernameRule } from '@guichet/types';
import { z } from 'zod';
import type { AuditEntry } from '../../platform/audit/audit-log.js';
import type { RequestMeta } from '../../platform/request/request-meta.js';
import type { TenantContext } from '../../platform/tenancy/tenant-context.js';
import type { ScimClient } from './scim-auth.guard.js';
import { ScimError, invalidValue } from './scim-error.js';
import type { ScimUserState } from './scim-schemas.js';

/** Who asks, for which tenant: what every SCIM use case needs. */
export interface ScimRequest {
  tenant: TenantContext;
  client: ScimClient;
  meta: RequestMeta;
}

/** The audit log's actor of a SCIM change: the token's name. */
export const scimActor = (client: ScimClient) => ({
  actorType: 'scim' as const,
  actorId: client.name,
});

/** The audit event of a SCIM change to an account: the token's name as the actor. */
export const scimAudit = (
  request: ScimRequest,
  userId: string,
  action: 'user.created' | 'user.updated' | 'user.disabled' | 'user.enabled',
  change: { before?: Record<string, unknown>; details: Record<string, unknown> },
): AuditEntry => ({
  tenantId: request.tenant.id,
  action,
  ...scimActor(request.client),
  targetType: 'user',
  targetId: userId,
  ...change,
  meta: request.meta,
});

const emailSchema = z.email().max(320);

/** The columns a state asks for, checked as the CSV import checks a line (the tenant's username rule, a valid address). */
export function fieldsOf(state: ScimUserState, rule: UsernameRule): ScimUserFields {
  const checked = checkUsername(rule, state.userName);
  if (!checked.ok)
    throw invalidValue(
      `userName "${state.userName.slice(0, 100)}" is not a username of this tenant: ${usernameErrorMessage(checked.error, 'en')}`,
    );
  const email = state.email?.trim().toLowerCase() ?? '';
  if (!email)
    throw invalidValue('emails: an address is required (links and notices are sent there).');
  if (!emailSchema.safeParse(email).success)
    throw invalidValue(`emails: "${email.slice(0, 100)}" is not an email address.`);
  const name = (value: string, attribute: string) => {
    const v = value.trim();
    if (v.length > 200) throw invalidValue(`${attribute} is longer than 200 characters.`);
    return v;
  };
  const externalId = state.externalId?.trim() || null;
  if (externalId && externalId.length > 200)
    throw invalidValue('externalId is longer than 200 characters.');
  return {
    username: checked.username,
    firstName: name(state.givenName, 'name.givenName'),
    lastName: name(state.familyName, 'name.familyName'),
    email,
    externalId,
  };
}

export const uniqueness = (attributes: string[]) =>
  new ScimError(
    409,
    `Another account of this tenant already has this ${attributes.join(' and ')}.`,
    'uniqueness',
  );

export const userNotFound = () => new ScimError(404, 'This tenant has no user with this id.');

export const isUniqueViolation = (error: unknown) =>
  (error as { code?: unknown })?.code === '23505';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A user id of the path: anything but a UUID is not found (never a database error). */
export const isUserId = (id: string) => UUID.test(id);
