import { afterAll, beforeAll } from '@jest/globals';
import type { HttpResponse } from '@guichet/testing';
import { tenantId, testHash } from '../factories/users.js';
import { ADMIN, ADMIN_HOST, createTestContext, type TestContext } from './test-app.js';

export interface AdminClient {
  token: string;
  request(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<HttpResponse>;
  get(path: string, headers?: Record<string, string>): Promise<HttpResponse>;
}

/** Signs an admin in on the admin host; the client prefixes paths with /api/v1/admin. */
export async function signIn(
  ctx: TestContext,
  credentials: { email: string; password: string; totpCode?: string } = ADMIN,
): Promise<AdminClient> {
  const res = await ctx.request(ADMIN_HOST, {
    method: 'POST',
    path: '/api/v1/admin/auth/login',
    body: credentials,
  });
  if (res.status !== 200)
    throw new Error(`admin sign-in of ${credentials.email}: ${res.status} ${res.body}`);
  return adminClient(ctx, res.json<{ accessToken: string }>().accessToken);
}

export function adminClient(ctx: TestContext, token: string): AdminClient {
  const request = (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    ctx.request(ADMIN_HOST, {
      method,
      path: `/api/v1/admin${path}`,
      body,
      headers: { authorization: `Bearer ${token}`, ...headers },
    });
  return { token, request, get: (path, headers) => request('GET', path, undefined, headers) };
}

/** A tenant admin of these tenants, inserted directly. */
export async function createTenantAdmin(
  ctx: TestContext,
  email: string,
  password: string,
  tenantIds: string[],
): Promise<string> {
  const [row] = await ctx.dataSource.query<{ id: string }[]>(
    `INSERT INTO admin_accounts (email, password_hash, role) VALUES ($1, $2, 'tenant-admin') RETURNING id`,
    [email, await testHash(password)],
  );
  for (const tenantId of tenantIds)
    await ctx.dataSource.query(
      'INSERT INTO admin_tenant_grants (admin_id, tenant_id) VALUES ($1, $2)',
      [row!.id, tenantId],
    );
  return row!.id;
}

/** Audit rows of a tenant (or the platform: null), oldest first. */
export function auditRows(
  ctx: TestContext,
  tenantId: string | null,
  action?: string,
): Promise<
  {
    action: string;
    actorType: string;
    actorId: string | null;
    targetId: string | null;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  }[]
> {
  return ctx.dataSource.query(
    `SELECT action, actor_type AS "actorType", actor_id AS "actorId", target_id AS "targetId", before, after FROM audit_events
      WHERE tenant_id IS NOT DISTINCT FROM $1 ${action ? 'AND action = $2' : ''} ORDER BY id`,
    action ? [tenantId, action] : [tenantId],
  );
}

/** The tenant admin of the Cégep that the admin specs sign in as. */
export const CEGEP_ADMIN = { email: 'ti@cegepsi.ca', password: 'cegep admin password' };

export interface AdminSuite {
  ctx: TestContext;
  /** The seeded platform admin, signed in. */
  platform: AdminClient;
  cegep: string;
  monteregie: string;
}

/** A test context (`extraEnv` as createTestContext takes it), the platform admin signed in, and the two seeded tenants' ids. */
export async function startAdminSuite(extraEnv: Record<string, string> = {}): Promise<AdminSuite> {
  const ctx = await createTestContext(extraEnv);
  return {
    ctx,
    platform: await signIn(ctx),
    cegep: await tenantId(ctx, 'cegepdeseptiles'),
    monteregie: await tenantId(ctx, 'monteregie'),
  };
}

export interface CegepAdminSuite extends AdminSuite {
  /** CEGEP_ADMIN, signed in. */
  cegepAdmin: AdminClient;
}

/**
 * For a describe block: registers its beforeAll (startAdminSuite, then CEGEP_ADMIN signed in)
 * and afterAll (closed); the object returned is filled in before the first test.
 */
export function cegepAdminSuite(extraEnv: Record<string, string> = {}): CegepAdminSuite {
  const suite = {} as CegepAdminSuite;
  beforeAll(async () => {
    Object.assign(suite, await startAdminSuite(extraEnv));
    suite.cegepAdmin = await signInCegepAdmin(suite);
  });
  afterAll(() => suite.ctx?.close());
  return suite;
}

/** CEGEP_ADMIN created with the Cégep's grant, and signed in. */
export async function signInCegepAdmin(suite: AdminSuite): Promise<AdminClient> {
  await createTenantAdmin(suite.ctx, CEGEP_ADMIN.email, CEGEP_ADMIN.password, [suite.cegep]);
  return signIn(suite.ctx, CEGEP_ADMIN);
}
