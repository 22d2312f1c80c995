import { afterAll, beforeAll, expect } from '@jest/globals';
import type { HttpResponse } from '@guichet/testing';
import { guichetCli } from './oidc.js';
import { CEGEP, createTestContext, MONTEREGIE, type TestContext } from './test-app.js';

export const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

export interface ScimUser {
  id: string;
  userName: string;
  externalId?: string;
  active: boolean;
  name: { givenName: string; familyName: string };
  emails: { value: string; type: string; primary: boolean }[];
  meta: { location: string; resourceType: string };
}
export interface ListResponse {
  schemas: string[];
  totalResults: number;
  startIndex: number;
  itemsPerPage: number;
  Resources: ScimUser[];
}

/** `scim-tokens add --json`: the token, from the last line. */
export async function addToken(ctx: TestContext, slug: string, name: string): Promise<string> {
  const run = await guichetCli(ctx, [
    'scim-tokens',
    'add',
    '--tenant',
    slug,
    '--name',
    name,
    '--json',
  ]);
  if (run.code !== 0) throw new Error(`scim-tokens add: ${run.code} ${run.stderr}`);
  const lines = run.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!).token as string;
}

/** A SCIM error as RFC 7644 §3.12 has it, in application/scim+json; returns its body. */
export function expectScimError(res: HttpResponse, status: number, scimType?: string) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/scim\+json/);
  const body = res.json<{ schemas: string[]; status: string; scimType?: string; detail: string }>();
  expect(body.schemas).toEqual([ERROR]);
  expect(body.status).toBe(String(status));
  if (scimType) expect(body.scimType).toBe(scimType);
  expect(body.detail.length).toBeGreaterThan(5);
  return body;
}

export interface ScimFixture {
  ctx: TestContext;
  cegepToken: string;
  monteregieToken: string;
  nextIp(): string;
  scim(
    host: string,
    token: string | null,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<HttpResponse>;
  cegep(method: string, path: string, body?: unknown): Promise<HttpResponse>;
  monteregie(method: string, path: string, body?: unknown): Promise<HttpResponse>;
}

/** Registers the file's set-up: the API (trusting X-Forwarded-For from 127.0.0.1) and a SCIM token per tenant. */
export function scimFixture(ipPrefix: string): ScimFixture {
  let ipCounter = 0;
  const f = {
    nextIp: () => `${ipPrefix}.${Math.floor(ipCounter / 250)}.${(ipCounter++ % 250) + 1}`,
    scim: (host, token, method, path, body, headers = {}) =>
      f.ctx.request(host, {
        method,
        path: `/scim/v2${path}`,
        body,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body !== undefined ? { 'content-type': 'application/scim+json' } : {}),
          'x-forwarded-for': `${ipPrefix}.255.1`,
          ...headers,
        },
      }),
    cegep: (method, path, body) => f.scim(CEGEP, f.cegepToken, method, path, body),
    monteregie: (method, path, body) => f.scim(MONTEREGIE, f.monteregieToken, method, path, body),
  } as ScimFixture;
  beforeAll(async () => {
    f.ctx = await createTestContext({ TRUSTED_PROXIES: '127.0.0.1' });
    [f.cegepToken, f.monteregieToken] = await Promise.all([
      addToken(f.ctx, 'cegepdeseptiles', 'Entra ID Cégep'),
      addToken(f.ctx, 'monteregie', 'Entra ID CISSS'),
    ]);
  }, 180_000);
  afterAll(async () => {
    await f.ctx?.close();
  });
  return f;
}
