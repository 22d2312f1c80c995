import { z } from 'zod';
import { invalidSyntax, invalidValue } from './scim-error.js';

export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const ENTERPRISE_USER_SCHEMA = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const LIST_RESPONSE = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

/** What Guichet keeps of a SCIM User: the account's username, names, address, externalId and status. */
export interface ScimUserState {
  userName: string;
  givenName: string;
  familyName: string;
  /** Null only while a patch is applied; a written account always has one. */
  email: string | null;
  externalId: string | null;
  active: boolean;
}

/** Booleans as JSON booleans, or as the strings Microsoft Entra ID sends ("True", "False"). */
export function scimBoolean(value: unknown, attribute: string): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if (v === 'true') return true;
    if (v === 'false') return false;
  }
  throw invalidValue(`${attribute} must be true or false.`);
}

const text = (max: number) => z.string().max(max);
const bool = z.union([z.boolean(), z.string()]);
const email = z
  .object({ value: text(320).optional(), type: text(50).optional(), primary: bool.optional() })
  .loose();

/** A User resource (POST, PUT): the attributes Guichet keeps; others are accepted and not kept. */
const userResource = z
  .object({
    schemas: z.array(z.string()).optional(),
    userName: z.string({ error: 'userName is required.' }).max(320),
    externalId: text(200).nullable().optional(),
    active: bool.optional(),
    name: z
      .object({
        givenName: text(200).nullable().optional(),
        familyName: text(200).nullable().optional(),
      })
      .loose()
      .nullable()
      .optional(),
    emails: z.array(email).max(20).nullable().optional(),
  })
  .loose();

const patchRequest = z.object({
  schemas: z.array(z.string()),
  Operations: z
    .array(
      z
        .object({
          op: z.string(),
          path: z.string().max(500).optional(),
          value: z.unknown().optional(),
        })
        .loose(),
    )
    .min(1)
    .max(100),
});
export type PatchOperation = z.infer<typeof patchRequest>['Operations'][number];

function describe(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}

/** One of a SCIM `emails` list, as sent. */
export interface ScimEmail {
  value?: unknown;
  type?: unknown;
  primary?: unknown;
}

/** The address a list of SCIM emails gives: the primary one, else the work one, else the first. */
export function chosenEmail(emails: readonly ScimEmail[] | null | undefined): string | null {
  if (!emails?.length) return null;
  const primary = emails.find(
    (e) =>
      e.primary !== undefined && e.primary !== null && scimBoolean(e.primary, 'emails.primary'),
  );
  const work = emails.find((e) => typeof e.type === 'string' && e.type.toLowerCase() === 'work');
  const chosen = primary ?? work ?? emails[0]!;
  if (typeof chosen.value !== 'string')
    throw invalidValue('emails: each address needs a value (a string).');
  return chosen.value;
}

/** A POST or PUT body as the state it asks for. */
export function userStateFromResource(body: unknown): ScimUserState {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw invalidSyntax('The body must be a SCIM User resource (a JSON object).');
  const parsed = userResource.safeParse(body);
  if (!parsed.success) throw invalidValue(describe(parsed.error));
  const user = parsed.data;
  if (user.schemas && !user.schemas.includes(USER_SCHEMA))
    throw invalidSyntax(`schemas must include ${USER_SCHEMA}.`);
  return {
    userName: user.userName,
    givenName: user.name?.givenName ?? '',
    familyName: user.name?.familyName ?? '',
    email: chosenEmail(user.emails),
    externalId: user.externalId ?? null,
    active: user.active === undefined ? true : scimBoolean(user.active, 'active'),
  };
}

/** A PATCH body's operations (RFC 7644 §3.5.2). */
export function patchOperations(body: unknown): PatchOperation[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw invalidSyntax('The body must be a SCIM PatchOp message (a JSON object).');
  const parsed = patchRequest.safeParse(body);
  if (!parsed.success) throw invalidValue(describe(parsed.error));
  if (!parsed.data.schemas.includes(PATCH_OP))
    throw invalidSyntax(`schemas must be [${PATCH_OP}].`);
  return parsed.data.Operations;
}
