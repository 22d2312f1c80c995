import type { StoredAsset } from '@guichet/db';

/** What the audit log keeps of an uploaded image: never its bytes. */
export const auditView = (a: StoredAsset | null) =>
  a ? { contentType: a.contentType, size: a.size, sha256: a.sha256 } : null;
