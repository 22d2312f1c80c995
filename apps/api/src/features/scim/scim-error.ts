import { HttpException } from '@nestjs/common';
import type { ErrorFormat } from '../../platform/common/api-exception.filter.js';

export const SCIM_ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';
export const SCIM_CONTENT_TYPE = 'application/scim+json; charset=utf-8';
/** Where the SCIM endpoint of a tenant host is. */
export const SCIM_PREFIX = '/scim/v2';

export type ScimType =
  | 'invalidSyntax'
  | 'invalidValue'
  | 'invalidFilter'
  | 'invalidPath'
  | 'noTarget'
  | 'mutability'
  | 'uniqueness'
  | 'tooMany';

/** The body of a SCIM error (RFC 7644 §3.12): `status` is a string. */
export interface ScimErrorBody {
  schemas: [typeof SCIM_ERROR];
  status: string;
  scimType?: ScimType;
  detail: string;
}

/** An error answered in the SCIM error schema, with `application/scim+json`. */
export class ScimError extends HttpException {
  readonly headers: Record<string, string>;

  constructor(status: number, detail: string, scimType?: ScimType, headers = {}) {
    super(scimErrorBody(status, detail, scimType), status);
    this.headers = headers;
  }
}

export function scimErrorBody(status: number, detail: string, scimType?: ScimType): ScimErrorBody {
  return {
    schemas: [SCIM_ERROR],
    status: String(status),
    ...(scimType ? { scimType } : {}),
    detail,
  };
}

export const invalidValue = (detail: string) => new ScimError(400, detail, 'invalidValue');
export const invalidSyntax = (detail: string) => new ScimError(400, detail, 'invalidSyntax');

/** Whether a request is one of the SCIM endpoint's (its errors then leave in the SCIM schema). */
export function isScimPath(url: string | undefined): boolean {
  if (!url) return false;
  return (
    url === SCIM_PREFIX || url.startsWith(`${SCIM_PREFIX}/`) || url.startsWith(`${SCIM_PREFIX}?`)
  );
}

/** The SCIM endpoint answers in the SCIM error schema (RFC 7644 §3.12), parse errors included. */
export const scimErrorFormat: ErrorFormat = {
  applies: isScimPath,
  render: (exception, status, body) => ({
    contentType: SCIM_CONTENT_TYPE,
    body:
      exception instanceof ScimError
        ? exception.getResponse()
        : scimErrorBody(status, body.message, status === 400 ? 'invalidSyntax' : undefined),
  }),
};
