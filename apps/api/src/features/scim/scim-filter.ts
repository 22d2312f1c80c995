import { normalizeUsername } from '@guichet/rules';
import type { ScimUserFilter } from '@guichet/db';
import { ScimError } from './scim-error.js';

/** The filters a provisioning client needs to match an account: `userName`, `externalId`, `emails.value`, with `eq`. */
const FILTER = /^\s*([A-Za-z][\w.:-]*)\s+eq\s+("(?:[^"\\]|\\.)*")\s*$/i;

const ATTRIBUTES: Record<string, ScimUserFilter['column']> = {
  username: 'username',
  externalid: 'external_id',
  emails: 'email',
  'emails.value': 'email',
};

const USER_URN = 'urn:ietf:params:scim:schemas:core:2.0:user:';

/**
 * `userName eq "trej"`, `externalId eq "…"`, `emails.value eq "…"` (attribute names are
 * case-insensitive, as is the comparison of userName and emails; externalId is compared
 * exactly — it is caseExact in RFC 7643). Anything else is a 400 invalidFilter.
 */
export function parseUserFilter(filter: string | undefined): ScimUserFilter | null {
  if (filter === undefined || filter.trim() === '') return null;
  const refused = () =>
    new ScimError(
      400,
      'Only the filters userName eq "…", externalId eq "…" and emails.value eq "…" are supported.',
      'invalidFilter',
    );
  if (filter.length > 1000) throw refused();
  const match = FILTER.exec(filter);
  if (!match) throw refused();
  let attribute = match[1]!.toLowerCase();
  if (attribute.startsWith(USER_URN)) attribute = attribute.slice(USER_URN.length);
  const column = ATTRIBUTES[attribute];
  if (!column) throw refused();
  let value: unknown;
  try {
    value = JSON.parse(match[2]!);
  } catch {
    throw refused();
  }
  if (typeof value !== 'string') throw refused();
  if (column === 'username') return { column, value: normalizeUsername(value) };
  if (column === 'email') return { column, value: value.trim().toLowerCase() };
  return { column, value };
}
