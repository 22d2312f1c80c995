import { randomBytes } from 'node:crypto';
import { Tenant } from '@guichet/db';
import { hash as argon2Hash } from '@node-rs/argon2';
import type { TestContext } from '../support/test-app.js';

export interface TestUser {
  id: string;
  tenantId: string;
  username: string;
  email: string;
  password: string | null;
}

const tenantIds = new Map<string, string>();

export async function tenantId(ctx: TestContext, slug: string): Promise<string> {
  const key = `${ctx.db.name}/${slug}`;
  let id = tenantIds.get(key);
  if (!id) {
    id = (await ctx.dataSource.getRepository(Tenant).findOneByOrFail({ slug })).id;
    tenantIds.set(key, id);
  }
  return id;
}

/** Hash with the test processes' parameters (ARGON2_MEMORY_KIB=8192, ARGON2_ITERATIONS=1). */
export const testHash = (password: string, memoryCost = 8192) =>
  argon2Hash(password, { algorithm: 2, memoryCost, timeCost: 1, parallelism: 1 });

export interface UserOptions {
  username?: string;
  /** null: not enrolled yet. */
  password?: string | null;
  email?: string;
  firstName?: string;
  lastName?: string;
  status?: 'active' | 'disabled';
  lockedUntil?: Date | null;
  passwordHash?: string;
}

/** An account inserted directly (as an import would), enrolled with a password unless `password: null`. */
export async function createUser(
  ctx: TestContext,
  slug: string,
  options: UserOptions = {},
): Promise<TestUser> {
  const tid = await tenantId(ctx, slug);
  const username = options.username ?? `u${randomBytes(4).toString('hex')}`;
  const password = options.password === undefined ? 'Pass-phrase-2024!x' : options.password;
  const email = options.email ?? `${username}@example.test`;
  const hash = options.passwordHash ?? (password === null ? null : await testHash(password));
  const [row] = await ctx.dataSource.query<{ id: string }[]>(
    `INSERT INTO users (tenant_id, username, first_name, last_name, email, password_hash, status, enrolled_at, locked_until)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      tid,
      username,
      options.firstName ?? 'Jean',
      options.lastName ?? 'Tremblay',
      email,
      hash,
      options.status ?? 'active',
      hash ? new Date() : null,
      options.lockedUntil ?? null,
    ],
  );
  return { id: row!.id, tenantId: tid, username, email, password };
}

/** The user signs in on the portal's JSON API of `host` (`CEGEP`…) with its password and this « remember » choice. */
export const portalLogin = (
  ctx: TestContext,
  host: string,
  user: Pick<TestUser, 'username' | 'password'>,
  remember: 'all' | 'username' | 'none' = 'none',
  headers: Record<string, string> = {},
) =>
  ctx.request(host, {
    method: 'POST',
    path: '/api/v1/auth/login',
    body: { username: user.username, password: user.password, remember },
    headers,
  });
