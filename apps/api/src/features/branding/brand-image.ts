import {
  BRANDING_ASSET_MAX_BYTES,
  type BrandingAssetKind,
  type BrandingAssetType,
} from '@guichet/types';
import { fileTypeFromBuffer } from 'file-type';
import { sanitiseSvg } from './svg-sanitiser.js';

export type BrandImageProblem = 'too_large' | 'empty' | 'unsupported_type' | 'svg_unusable';

/** Why an upload was refused; the controller turns it into 413, 415 or 400. */
export class BrandImageRefused extends Error {
  constructor(
    readonly problem: BrandImageProblem,
    message: string,
  ) {
    super(message);
  }
}

const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;
const LABEL: Record<BrandingAssetKind, string> = { logo: 'logo', favicon: 'favicon' };
/** An SVG file's start once a BOM, XML declaration, comments, DOCTYPE and whitespace are passed. */
const SVG_START =
  /^(?:\uFEFF)?\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>)\s*)*<svg[\s>/]/i;

/**
 * What an uploaded logo or favicon really is, from its bytes (magic numbers by file-type;
 * SVG, a text format, by its root element), whatever its name or declared type: PNG and
 * JPEG are kept as they are, an SVG is sanitised and kept as sanitised.
 */
export async function checkBrandImage(
  kind: BrandingAssetKind,
  bytes: Buffer,
): Promise<{ contentType: BrandingAssetType; content: Buffer }> {
  const max = BRANDING_ASSET_MAX_BYTES[kind];
  if (bytes.length > max)
    throw new BrandImageRefused(
      'too_large',
      `The ${LABEL[kind]} is ${kb(bytes.length)}; the largest allowed is ${kb(max)}.`,
    );
  if (bytes.length === 0) throw new BrandImageRefused('empty', 'The file is empty.');
  const sniffed = await fileTypeFromBuffer(bytes);
  if (sniffed?.mime === 'image/png' || sniffed?.mime === 'image/jpeg')
    return { contentType: sniffed.mime, content: bytes };
  const refused = () =>
    new BrandImageRefused(
      'unsupported_type',
      `This file is ${sniffed ? `a ${sniffed.ext.toUpperCase()} file` : 'not an image we take'}: upload a PNG, JPEG or SVG image.`,
    );
  if (sniffed && sniffed.mime !== 'application/xml') throw refused();
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw refused();
  }
  if (!SVG_START.test(text)) throw refused();
  const clean = await sanitiseSvg(text);
  if (!clean)
    throw new BrandImageRefused(
      'svg_unusable',
      'Nothing of this SVG is left once what could run in it is removed: export it again as a plain SVG.',
    );
  return { contentType: 'image/svg+xml', content: Buffer.from(clean, 'utf8') };
}
