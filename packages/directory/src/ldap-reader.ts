import { SmtpTargetRefused } from '@guichet/platform';
import type { StoredDirectorySettings } from '@guichet/types';
import { Client, InvalidCredentialsError, ResultCodeError } from 'ldapts';
import {
  attributeValue,
  isBinaryAttribute,
  mapEntry,
  type MappedEntry,
  type RawEntry,
  uacDisabled,
} from './entry-mapping.js';
import { type DirectoryTargetPolicy, parseLdapUrl, refusalMessage } from './target.js';

export type DirectoryConnection = Omit<StoredDirectorySettings, 'bindPasswordCiphertext'>;

/** The directory could not be read: nothing of the sync is applied. The message is for the admin. */
export class DirectoryError extends Error {
  constructor(
    message: string,
    readonly code: 'refused' | 'unreachable' | 'bind' | 'tls' | 'search',
  ) {
    super(message);
    this.name = 'DirectoryError';
  }
}

export interface ReaderOptions {
  targets: DirectoryTargetPolicy;
  /** Entries per page of the paged-results control (RFC 2696); AD's MaxPageSize is 1,000. */
  pageSize?: number;
  timeoutMs?: number;
}

const CONNECT_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ETIMEDOUT: 'no answer (timed out)',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENOTFOUND: 'the name does not resolve',
  EAI_AGAIN: 'the name does not resolve (DNS)',
  EDNS: 'the name does not resolve',
  ECONNRESET: 'the connection was reset',
};

/** A failure as the admin reads it: which step failed and why, never a stack. */
function explain(error: unknown, url: string, step: 'connect' | 'bind' | 'search'): DirectoryError {
  if (error instanceof DirectoryError) return error;
  if (error instanceof SmtpTargetRefused)
    return new DirectoryError(refusalMessage(error.reason), 'refused');
  if (error instanceof InvalidCredentialsError)
    return new DirectoryError(
      'The directory refused the bind DN or password (invalid credentials).',
      'bind',
    );
  const code = String((error as { code?: unknown }).code ?? '');
  const message = (error as Error).message ?? String(error);
  if (CONNECT_ERRORS[code])
    return new DirectoryError(
      `Cannot reach the directory at ${url}: ${CONNECT_ERRORS[code]}.`,
      'unreachable',
    );
  if (/certificate|self.signed|tls|ssl/i.test(`${code} ${message}`))
    return new DirectoryError(`TLS with the directory at ${url} failed: ${message}`, 'tls');
  if (error instanceof ResultCodeError)
    return new DirectoryError(
      `The directory refused the ${step}: ${message}`,
      step === 'search' ? 'search' : 'bind',
    );
  if (/timeout|timed out/i.test(message))
    return new DirectoryError(
      `The directory at ${url} did not answer in time (${step}).`,
      'unreachable',
    );
  return new DirectoryError(
    `The directory ${step} failed: ${message}`,
    step === 'connect' ? 'unreachable' : step,
  );
}

/**
 * A bound LDAP client (StartTLS when asked), the target checked first; `use` runs with it
 * and the connection is closed whatever happens.
 */
export async function withDirectory<T>(
  settings: DirectoryConnection,
  password: string | null,
  options: ReaderOptions,
  use: (client: Client) => Promise<T>,
): Promise<T> {
  try {
    await options.targets.check(settings.url);
  } catch (error) {
    throw explain(error, settings.url, 'connect');
  }
  const target = parseLdapUrl(settings.url);
  const tls = settings.caCertificate ? { ca: [settings.caCertificate] } : {};
  const client = new Client({
    url: settings.url,
    timeout: options.timeoutMs ?? 30_000,
    connectTimeout: Math.min(options.timeoutMs ?? 10_000, 10_000),
    tlsOptions: tls,
  });
  try {
    try {
      if (settings.startTls && !target.secure) await client.startTLS(tls);
      await client.bind(settings.bindDn, password ?? '');
    } catch (error) {
      throw explain(error, settings.url, 'bind');
    }
    try {
      return await use(client);
    } catch (error) {
      throw explain(error, settings.url, 'search');
    }
  } finally {
    await client.unbind().catch(() => undefined);
  }
}

const requested = (settings: DirectoryConnection) => {
  const names = Object.values(settings.attributes).filter((a): a is string => Boolean(a));
  if (settings.disabled.kind === 'userAccountControl') names.push('userAccountControl');
  return names;
};

/** Every entry of the base filter, page by page (paged results: a server's size limit never cuts the directory short). */
export async function* pagedEntries(
  client: Client,
  settings: DirectoryConnection,
  filter: string,
  attributes: string[],
  pageSize: number,
): AsyncGenerator<RawEntry> {
  for await (const page of client.searchPaginated(settings.baseDn, {
    scope: 'sub',
    filter,
    attributes,
    explicitBufferAttributes: attributes.filter(isBinaryAttribute),
    paged: { pageSize },
  })) {
    for (const entry of page.searchEntries) yield entry as RawEntry;
  }
}

/** The whole directory as the sync compares it, each entry checked and mapped. */
export async function readDirectory(
  settings: DirectoryConnection,
  password: string | null,
  options: ReaderOptions,
): Promise<MappedEntry[]> {
  const pageSize = options.pageSize ?? 500;
  return withDirectory(settings, password, options, async (client) => {
    const disabledDns = new Set<string>();
    if (settings.disabled.kind === 'filter') {
      const filter = `(&${settings.filter}${settings.disabled.filter})`;
      for await (const e of pagedEntries(client, settings, filter, ['1.1'], pageSize))
        disabledDns.add(e.dn.toLowerCase());
    }
    const entries: MappedEntry[] = [];
    for await (const raw of pagedEntries(
      client,
      settings,
      settings.filter,
      requested(settings),
      pageSize,
    )) {
      const disabled =
        settings.disabled.kind === 'userAccountControl'
          ? uacDisabled(attributeValue(raw, 'userAccountControl'))
          : disabledDns.has(raw.dn.toLowerCase());
      entries.push(mapEntry(raw, settings.attributes, disabled));
    }
    return entries;
  });
}

/** "Test connection": the bind, and the first few entries the filter returns. */
export async function sampleDirectory(
  settings: DirectoryConnection,
  password: string | null,
  options: ReaderOptions,
  size = 5,
): Promise<MappedEntry[]> {
  return withDirectory(settings, password, options, async (client) => {
    const sample: MappedEntry[] = [];
    for await (const raw of pagedEntries(
      client,
      settings,
      settings.filter,
      requested(settings),
      size,
    )) {
      sample.push(mapEntry(raw, settings.attributes, false));
      if (sample.length >= size) break;
    }
    return sample;
  });
}
