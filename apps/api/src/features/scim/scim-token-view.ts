import type { ScimTokenRecord } from '@guichet/db';
import type { ScimTokenView } from '@guichet/types';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const toTokenView = (t: ScimTokenRecord): ScimTokenView => ({
  id: t.id,
  name: t.name,
  createdBy: t.createdBy,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: iso(t.lastUsedAt),
  revokedAt: iso(t.revokedAt),
});

/** Who acts on a token: an admin (by id) or the CLI (`cli:USER`). */
export interface TokenActor {
  type: 'admin' | 'system';
  id: string;
  meta?: { ip: string | null; requestId: string } | null;
}
