import {
  ActionTokensRepository,
  AuditEventsRepository,
  EmailDeliveriesRepository,
  type Queryable,
  RefreshSessionsRepository,
  type TenantId,
  TenantSettingsRepository,
  UserImportRepository,
} from '@guichet/db';
import type { EmailChangedEmail, EmailJobData } from '@guichet/types';
import type { ImportState } from './import-accounts.shared.js';
import type { Plan } from './import-plan.js';

type Update = Extract<Plan, { kind: 'update' }>;

/** Writes the plans of a batch (or of one line); returns the jobs of the notices it wrote to the outbox. */
export async function writePlans(
  db: Queryable,
  tenantId: TenantId,
  plans: readonly Plan[],
  state: ImportState,
): Promise<EmailJobData[]> {
  const imports = new UserImportRepository(db);
  const creates = plans.filter((p): p is Extract<Plan, { kind: 'create' }> => p.kind === 'create');
  const updates = plans.filter((p): p is Update => p.kind === 'update');
  await imports.insertMany(
    tenantId,
    creates.map((p) => ({ ...p.row, username: p.username })),
  );
  if (updates.length) {
    await imports.updateMany(
      tenantId,
      updates.map((p) => ({
        ...p.row,
        id: p.id,
        username: p.username,
        externalId: p.externalId,
      })),
    );
    const moved = updates.filter((p) => p.row.email !== p.previous.email);
    if (moved.length) return addressesChanged(db, tenantId, moved, state);
  }
  return [];
}

/**
 * The accounts' addresses changed: their pending links are voided (they were sent to the
 * old address, or would reach the new one unasked), their sessions end, and the previous
 * address gets the notice. In the batch's savepoint, so a line written again alone redoes it.
 */
async function addressesChanged(
  db: Queryable,
  tenantId: TenantId,
  moved: readonly Update[],
  state: ImportState,
): Promise<EmailJobData[]> {
  const ids = moved.map((p) => p.id);
  await new ActionTokensRepository(db).voidPending(tenantId, ids);
  await new RefreshSessionsRepository(db).revokeAllOf(tenantId, ids);
  if (!state.locale) {
    state.locale = (await new TenantSettingsRepository(db).defaultLocale(tenantId)) ?? 'fr';
  }
  const changedAt = new Date().toISOString();
  const payloads = moved.map((p): EmailChangedEmail => ({
    kind: 'email-changed',
    tenantId,
    version: 1,
    locale: state.locale!,
    recipient: { email: p.previous.email, name: `${p.row.firstName} ${p.row.lastName}`.trim() },
    data: { username: p.username, changedAt },
  }));
  const outboxIds = await new EmailDeliveriesRepository(db).insertNotices(
    tenantId,
    'email-changed',
    payloads.map((p, i) => ({ userId: ids[i]!, recipient: p.recipient.email, payload: p })),
  );
  await new AuditEventsRepository(db).insertEmailChanges(
    tenantId,
    state.actor,
    moved.map((p) => ({ userId: p.id, previous: p.previous.email, next: p.row.email })),
  );
  return outboxIds.map((outboxId) => ({
    outboxId,
    tenantId,
    kind: 'email-changed' as const,
    version: 1 as const,
  }));
}
