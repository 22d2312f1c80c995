import { ScimError, invalidValue } from './scim-error.js';
import {
  chosenEmail,
  ENTERPRISE_USER_SCHEMA,
  type PatchOperation,
  type ScimEmail,
  scimBoolean,
  type ScimUserState,
  USER_SCHEMA,
} from './scim-schemas.js';

type Op = 'add' | 'replace' | 'remove';

/** Attributes of the core User schema (and its extension) that Guichet does not keep: accepted, not kept. */
const NOT_KEPT = new Set([
  'displayname',
  'nickname',
  'profileurl',
  'title',
  'usertype',
  'preferredlanguage',
  'locale',
  'timezone',
  'phonenumbers',
  'addresses',
  'ims',
  'photos',
  'roles',
  'entitlements',
  'x509certificates',
  'groups',
  'password',
]);

/** attr, attr.sub, attr[filter], attr[filter].sub */
const PATH = /^([A-Za-z][\w-]*)(?:\[(.+)\])?(?:\.([A-Za-z][\w-]*))?$/;
/** The value filters of `emails[…]` a client uses to name the address: type eq "work", primary eq true. */
const EMAIL_FILTER = /^\s*(type|primary)\s+eq\s+("?)([\w-]+)\2\s*$/i;

const invalidPath = (path: string) =>
  new ScimError(400, `The path "${path}" names no attribute of a User.`, 'invalidPath');

/** A single value: as is, or the `[{"value": …}]` some clients wrap it in. */
function single(value: unknown): unknown {
  if (Array.isArray(value) && value.length === 1) {
    const [only] = value as unknown[];
    if (typeof only === 'object' && only !== null && 'value' in only)
      return (only as { value: unknown }).value;
  }
  return value;
}

function textValue(value: unknown, attribute: string, nullable = false): string | null {
  const v = single(value);
  if (typeof v === 'string') return v;
  if (nullable && v === null) return null;
  throw invalidValue(`${attribute} must be a string.`);
}

function applyName(state: ScimUserState, op: Op, sub: string | undefined, value: unknown): void {
  if (sub === undefined) {
    if (op === 'remove') {
      state.givenName = '';
      state.familyName = '';
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw invalidValue('name must be an object.');
    for (const [key, v] of Object.entries(value)) applyName(state, op, key.toLowerCase(), v);
    return;
  }
  const field = sub === 'givenname' ? 'givenName' : sub === 'familyname' ? 'familyName' : null;
  if (!field) return; // formatted, middleName, honorificPrefix…: not kept
  state[field] = op === 'remove' ? '' : (textValue(value, `name.${field}`, true) ?? '');
}

function applyEmails(
  state: ScimUserState,
  op: Op,
  filter: string | undefined,
  sub: string | undefined,
  value: unknown,
  path: string,
): void {
  if (filter !== undefined && !EMAIL_FILTER.test(filter)) throw invalidPath(path);
  if (sub !== undefined && sub !== 'value') return; // type, primary, display: not kept
  if (op === 'remove')
    throw new ScimError(
      400,
      'An account needs its email address: emails cannot be removed.',
      'mutability',
    );
  if (sub === 'value' || (filter !== undefined && typeof single(value) === 'string')) {
    state.email = textValue(value, 'emails.value');
    return;
  }
  const list = Array.isArray(value) ? value : [value];
  if (!list.every((e) => typeof e === 'object' && e !== null && !Array.isArray(e)))
    throw invalidValue('emails must be a list of {"value": "…"} objects.');
  const chosen = chosenEmail(list as ScimEmail[]);
  if (chosen !== null) state.email = chosen;
}

function applyPath(state: ScimUserState, op: Op, rawPath: string, value: unknown): void {
  let path = rawPath.trim();
  if (path.toLowerCase().startsWith(`${ENTERPRISE_USER_SCHEMA.toLowerCase()}`)) return; // not kept
  if (path.toLowerCase().startsWith(`${USER_SCHEMA.toLowerCase()}:`))
    path = path.slice(USER_SCHEMA.length + 1);
  const match = PATH.exec(path);
  if (!match) throw invalidPath(rawPath);
  const [, attribute, filter, subAttribute] = match;
  const attr = attribute!.toLowerCase();
  const sub = subAttribute?.toLowerCase();
  switch (attr) {
    case 'username':
      if (op === 'remove')
        throw new ScimError(400, 'userName is required: it cannot be removed.', 'mutability');
      state.userName = textValue(value, 'userName')!;
      return;
    case 'externalid':
      state.externalId = op === 'remove' ? null : textValue(value, 'externalId', true);
      return;
    case 'active':
      if (op === 'remove')
        throw new ScimError(400, 'active cannot be removed: set it to false.', 'mutability');
      state.active = scimBoolean(single(value), 'active');
      return;
    case 'name':
      if (filter !== undefined) throw invalidPath(rawPath);
      applyName(state, op, sub, value);
      return;
    case 'emails':
      applyEmails(state, op, filter, sub, value, rawPath);
      return;
    default:
      if (NOT_KEPT.has(attr)) return;
      throw invalidPath(rawPath);
  }
}

/**
 * Applies a PATCH's operations to an account's state, in order (RFC 7644 §3.5.2), with the
 * shapes Microsoft Entra ID sends: `op` in any case ("Replace"), a path-less operation whose
 * value is an object of attributes or of paths (`{"name.givenName": …}`), `emails[type eq
 * "work"].value`, booleans as "True"/"False". Attributes Guichet does not keep are accepted
 * and ignored; an unknown attribute is a 400 invalidPath.
 */
export function applyPatch(
  current: ScimUserState,
  operations: readonly PatchOperation[],
): ScimUserState {
  const state = { ...current };
  operations.forEach((operation, index) => {
    const op = operation.op.toLowerCase();
    if (op !== 'add' && op !== 'replace' && op !== 'remove')
      throw new ScimError(
        400,
        `Operation ${index + 1}: op must be add, replace or remove.`,
        'invalidSyntax',
      );
    if (operation.path !== undefined && operation.path.trim() !== '') {
      if (op !== 'remove' && operation.value === undefined)
        throw invalidValue(`Operation ${index + 1}: a value is required.`);
      applyPath(state, op, operation.path, operation.value);
      return;
    }
    if (op === 'remove')
      throw new ScimError(400, `Operation ${index + 1}: remove needs a path.`, 'noTarget');
    const value = operation.value;
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw invalidValue(
        `Operation ${index + 1}: without a path, the value must be an object of attributes.`,
      );
    for (const [key, v] of Object.entries(value)) {
      if (key === 'schemas') continue;
      applyPath(state, op, key, v);
    }
  });
  return state;
}
