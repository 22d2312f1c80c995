import { parse as parseCsv } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import type { ImportReport } from '@guichet/types';

/** Pure CSV plumbing of the account import (no Nest, no database): usable by the CLI and unit tests. */

export type CsvEncoding = ImportReport['encoding'];
export type CsvDelimiter = ImportReport['delimiter'];

/** A data line: its fields, or why the parser could not read it. */
export type CsvRecord = { line: number; fields: string[] } | { line: number; error: string };

export interface CsvInput {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  /** Every non-empty line, the header first, with its line number in the file. */
  records: AsyncGenerator<CsvRecord>;
}

/** Bytes looked at before deciding the encoding. */
const SAMPLE_BYTES = 64 * 1024;

/**
 * UTF-8 (with or without BOM) or Windows-1252 (what Excel writes for « CSV (séparateur :
 * point-virgule) » on a French Windows); UTF-16 when a BOM says so. A sample that is not
 * valid UTF-8 is Windows-1252.
 */
export function detectEncoding(sample: Uint8Array): CsvEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8-bom';
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le';
  if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf-16be';
  try {
    // stream: true tolerates a character cut at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/** `;` when the header line has more semicolons than commas outside quotes, else `,`. */
export function detectDelimiter(headerLine: string): CsvDelimiter {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ',') commas += 1;
    else if (!quoted && ch === ';') semicolons += 1;
  }
  return semicolons > commas ? ';' : ',';
}

interface TextDecoderLike {
  write(chunk: Buffer): string;
  end(): string;
}

function decoderFor(encoding: CsvEncoding): TextDecoderLike {
  if (encoding === 'utf-8' || encoding === 'utf-8-bom') {
    const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
    return {
      write: (chunk) => decoder.decode(chunk, { stream: true }),
      end: () => decoder.decode(),
    };
  }
  const decoder = iconv.getDecoder(encoding === 'windows-1252' ? 'windows-1252' : encoding, {
    stripBOM: true,
  });
  return { write: (chunk) => decoder.write(chunk), end: () => decoder.end() ?? '' };
}

const toBuffer = (chunk: Uint8Array | string): Buffer =>
  typeof chunk === 'string'
    ? Buffer.from(chunk, 'utf8')
    : Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk);

function describeParseError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  switch (code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'A quoted field is not closed on its line (a missing ", or a line break inside a field).';
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_INVALID_OPENING_QUOTE':
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'A quote (") is misplaced: quote the whole field and double any quote inside it.';
    default:
      return `The line could not be read as CSV (${typeof code === 'string' ? code : 'parse error'}).`;
  }
}

/** Splits decoded text into physical lines (CRLF, LF, or the lone CR of old Mac exports). */
export async function* physicalLines(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let pending = '';
  for await (const chunk of chunks) {
    pending += chunk;
    let start = 0;
    for (let i = 0; i < pending.length; i += 1) {
      const ch = pending.charCodeAt(i);
      if (ch !== 10 && ch !== 13) continue;
      if (ch === 13 && i === pending.length - 1) break; // a CR at the end of a chunk: its LF may follow
      yield pending.slice(start, i);
      if (ch === 13 && pending.charCodeAt(i + 1) === 10) i += 1;
      start = i + 1;
    }
    pending = pending.slice(start);
  }
  if (pending.endsWith('\r')) pending = pending.slice(0, -1);
  if (pending !== '') yield pending;
}

/**
 * Opens a CSV byte stream: detects the encoding and the delimiter from its start, then
 * streams records (memory stays bounded whatever the file size).
 *
 * Each physical line is one record, parsed on its own by csv-parse: none of the imported
 * fields may hold a line break, and this way a stray quote costs its own line only (a
 * streaming parser would swallow every following line into one field). A line that does
 * not parse comes out as an error record; the file goes on.
 */
export async function openCsv(source: AsyncIterable<Uint8Array | string>): Promise<CsvInput> {
  const iterator = source[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let size = 0;
  let exhausted = false;
  while (size < SAMPLE_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      exhausted = true;
      break;
    }
    const chunk = toBuffer(next.value);
    head.push(chunk);
    size += chunk.length;
  }
  const sample = Buffer.concat(head);
  const encoding = detectEncoding(sample);
  const decoder = decoderFor(encoding);
  const firstText = decoder.write(sample);
  const newline = firstText.search(/[\r\n]/);
  const delimiter = detectDelimiter(newline === -1 ? firstText : firstText.slice(0, newline));

  async function* text(): AsyncGenerator<string> {
    if (firstText) yield firstText;
    if (!exhausted) {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        const decoded = decoder.write(toBuffer(next.value));
        if (decoded) yield decoded;
      }
    }
    const rest = decoder.end();
    if (rest) yield rest;
  }

  async function* records(): AsyncGenerator<CsvRecord> {
    let line = 0;
    for await (const raw of physicalLines(text())) {
      line += 1;
      if (raw.trim() === '') continue;
      // Without a quote there is nothing to unquote: a split is the exact parse, and far cheaper.
      if (!raw.includes('"')) {
        yield { line, fields: raw.split(delimiter) };
        continue;
      }
      try {
        const [fields = []] = parseCsv(raw, { delimiter, relax_column_count: true }) as string[][];
        yield { line, fields };
      } catch (error) {
        yield { line, error: describeParseError(error) };
      }
    }
  }

  return { encoding, delimiter, records: records() };
}
