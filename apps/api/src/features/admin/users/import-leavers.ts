import {
  AccountDisablingRepository,
  AccountImportRepository,
  type PendingLogout,
} from '@guichet/db';
import type { ImportDisabledAccount, ImportSummary } from '@guichet/types';
import type { EntityManager } from 'typeorm';
import {
  DisableMissingRefused,
  type ImportOptions,
  type ImportState,
  type ImportTarget,
  type Leavers,
} from './import-accounts.shared.js';
import { leaversRefusal } from './import-plan.js';

/**
 * `disableMissing`, in the import's transaction once every line is written: the active
 * accounts no line named are disabled — unless the file does not look like a full export
 * (DisableMissingRefused). `afterCommit` tells every API process, naming the accounts.
 */
export async function disableMissing(
  em: EntityManager,
  leavers: Leavers,
  target: ImportTarget,
  state: ImportState,
  summary: ImportSummary,
  options: ImportOptions,
): Promise<{ disabled: ImportDisabledAccount[]; afterCommit: () => Promise<void> }> {
  const repository = new AccountDisablingRepository(em);
  const missing = await repository.missingFromImport(target.tenantId, state.kept);
  const refusal = leaversRefusal({
    unreadable: state.unreadable,
    missing: missing.length,
    named: summary.created + summary.updated + summary.unchanged + summary.rejected,
    active: (await repository.countActive(target.tenantId)) - summary.created,
    allowMassDisable: options.allowMassDisable ?? false,
  });
  if (refusal) throw new DisableMissingRefused(refusal);
  const logouts: PendingLogout[] = [];
  for (const account of missing)
    logouts.push(...(await leavers.execute(target.tenantId, account.id, em)));
  const ids = missing.map((m) => m.id);
  await new AccountImportRepository(em).auditDisabled(target.tenantId, options.actor, ids);
  summary.disabled = missing.length;
  for (const account of missing) options.onDisabled?.(account);
  return {
    disabled: missing,
    afterCommit: () => leavers.notify(target.tenantId, logouts, ids),
  };
}
