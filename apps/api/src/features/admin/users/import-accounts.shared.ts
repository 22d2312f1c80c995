import type { ImportActor, TenantId } from '@guichet/db';
import type {
  EmailJobData,
  ImportDisabledAccount,
  ImportLineReport,
  ImportSummary,
  Locale,
  UsernameRule,
} from '@guichet/types';
import { openCsv } from './csv-input.js';
import type { DisableAccount } from './disable-account.usecase.js';
import type { PlanState } from './import-plan.js';
import { type ImportRow, mapHeader } from './import-row.js';

/** What the import needs of DisableAccount. */
export type Leavers = Pick<DisableAccount, 'execute' | 'notify'>;

/** Lines read, checked and written at a time. */
export const BATCH_SIZE = 1000;

export interface ImportTarget {
  tenantId: TenantId;
  usernameRule: UsernameRule;
}

/** Enqueues the jobs of committed outbox rows (the API's EmailOutbox). */
export interface OutboxQueue {
  enqueue(jobs: readonly EmailJobData[]): Promise<void>;
}

export interface ImportOptions {
  actor: ImportActor;
  source: 'cli' | 'admin-api';
  /** Called for every line, in file order, as soon as its batch is written. */
  onLine?: (line: ImportLineReport) => void;
  /** How many rejected lines, and how many other lines, the returned report keeps (all by default). */
  keepLines?: number;
  /**
   * The file is a full export: the tenant's active accounts that no line names are leavers,
   * disabled (DisableAccount). Refused (nothing written) when a line could not be read, when
   * the file names nobody, or when more than MASS_DISABLE_SHARE of the active accounts would
   * go — unless `allowMassDisable`.
   */
  disableMissing?: boolean;
  allowMassDisable?: boolean;
  /** Called for every account `disableMissing` disables, after the lines. */
  onDisabled?: (account: ImportDisabledAccount) => void;
  /** A preview: everything checked and reported, then rolled back. */
  dryRun?: boolean;
}

/** `disableMissing` refused to disable: the file does not look like a full export. Nothing was written. */
export class DisableMissingRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DisableMissingRefused';
  }
}

/** The file as a whole cannot be imported (empty, header without the required columns). */
export class CsvFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvFormatError';
  }
}

/** A line of the current batch: read, or refused before it could be. */
export type Pending =
  { line: number; rejected: { code: string; reason: string } } | { line: number; row: ImportRow };

/**
 * The import's state over the whole file. `seenKeys` and `touched` hold, for the current
 * batch, what the `import_lines` staging table remembers of the earlier ones (so memory does
 * not grow with the file) plus the batch's own lines.
 */
export interface ImportState extends PlanState {
  /** Outbox jobs of the "address changed" notices written so far. */
  notices: EmailJobData[];
  /** The tenant's default language (of the notices), read when first needed. */
  locale: Locale | null;
  actor: ImportActor;
  /** externalIds and emails of rejected lines: their accounts are in the file, never "missing". */
  kept: { externalIds: string[]; emails: string[] };
  /** Lines rejected before their externalId and email could be read. */
  unreadable: number;
}

/** A rejected line still names its person: their account is not a leaver. */
export function keep(state: ImportState, row: ImportRow): void {
  if (row.externalId) state.kept.externalIds.push(row.externalId);
  state.kept.emails.push(row.email);
}

export const isUniqueViolation = (error: unknown) =>
  (error as { code?: unknown })?.code === '23505';

/** Opens the file and reads its header: CsvFormatError when the file as a whole cannot be imported. */
export async function openImportFile(input: AsyncIterable<Uint8Array | string>) {
  const csv = await openCsv(input);
  const first = await csv.records.next();
  if (first.done)
    throw new CsvFormatError('The file is empty: it needs a header line and one line per person.');
  if (!('fields' in first.value))
    throw new CsvFormatError(`The header line cannot be read: ${first.value.error}`);
  const header = mapHeader(first.value.fields);
  if (!header.ok) throw new CsvFormatError(header.message);
  return { csv, header };
}

/**
 * The import's report as lines come: the summary counts every line, `onLine` hears each, and
 * the report keeps the first `keepLines` rejected lines and the first `keepLines` others.
 */
export function lineReports(onLine: ImportOptions['onLine'], keepLines: number) {
  const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
  const lines: ImportLineReport[] = [];
  const kept = { rejected: 0, other: 0 };
  let truncated = false;
  const report = (entry: ImportLineReport) => {
    summary[entry.status] += 1;
    onLine?.(entry);
    const group = entry.status === 'rejected' ? 'rejected' : 'other';
    if (kept[group] < keepLines) {
      kept[group] += 1;
      lines.push(entry);
    } else truncated = true;
  };
  return { summary, lines, report, truncated: () => truncated };
}
