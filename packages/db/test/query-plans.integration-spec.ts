import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../src/index.js';
import { createTestDatabase, type TestDatabase } from '../src/testing.js';
import { HOT_QUERIES } from './hot-queries.js';

const TENANTS = 1000;
const USERS_PER_TENANT = 1000;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

/**
 * 1,000 tenants × 1,000 accounts (and tokens, sessions, OpenID sessions) in one database,
 * ANALYZEd: the hot queries are planned as PostgreSQL would plan them in production, with
 * real statistics (no enable_seqscan=off), custom and generic plans alike.
 */
describe('query plans of the hot queries with 1,000 tenants × 1,000 accounts', () => {
  let db: TestDatabase;
  let ds: DataSource;
  const sample: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = createDataSource(db.url, { poolSize: 1 });
    await ds.initialize();
    await ds.query(`
      INSERT INTO tenants (slug, name, public_url)
      SELECT 'bench' || n, 'Établissement ' || n, 'https://bench' || n || '.guichet.test'
        FROM generate_series(1, ${TENANTS}) AS n`);
    await ds.query(`
      INSERT INTO tenant_hosts (tenant_id, host_name, is_primary)
      SELECT id, slug || '.guichet.test', true FROM tenants WHERE slug LIKE 'bench%'`);
    // Settings of a realistic size (branding, texts in three languages: a few kB each).
    await ds.query(`
      INSERT INTO tenant_settings (tenant_id, settings)
      SELECT id, jsonb_build_object('texts', jsonb_build_object('fr', repeat('texte ', 400), 'en', repeat('text ', 400), 'pt', repeat('texto ', 400)))
        FROM tenants WHERE slug LIKE 'bench%'`);
    await ds.query(`
      INSERT INTO users (tenant_id, username, first_name, last_name, email, external_id)
      SELECT t.id, 'user' || n, 'Prénom', 'Nom' || n, 'user' || n || '@' || t.slug || '.test', 'E' || n
        FROM tenants t, generate_series(1, ${USERS_PER_TENANT}) AS n
       WHERE t.slug LIKE 'bench%'`);
    await ds.query(`
      INSERT INTO action_tokens (tenant_id, user_id, purpose, token_hash, expires_at)
      SELECT tenant_id, id, 'password-reset', sha256(id::text::bytea), now() + interval '1 hour'
        FROM users WHERE username LIKE '%0'`);
    await ds.query(`
      INSERT INTO refresh_sessions (tenant_id, user_id, family_id, token_hash, persistent, expires_at)
      SELECT tenant_id, id, gen_random_uuid(), sha256(('s' || id::text)::bytea), false, now() + interval '1 day'
        FROM users WHERE username LIKE '%0'`);
    await ds.query(`
      INSERT INTO oidc_payloads (tenant_id, model, id, payload, account_id, expires_at)
      SELECT tenant_id, 'Session', md5(id::text), '{}'::jsonb, id::text, now() + interval '1 day'
        FROM users WHERE username LIKE '%0'`);
    await ds.query('ANALYZE');
    const [row] = await ds.query<Record<string, string>[]>(`
      SELECT u.id AS "userId", u.tenant_id AS "tenantId", u.username, u.email, h.host_name AS host,
             encode(sha256(u.id::text::bytea), 'hex') AS "tokenHash",
             encode(sha256(('s' || u.id::text)::bytea), 'hex') AS "sessionHash",
             md5(u.id::text) AS "oidcId"
        FROM users u JOIN tenant_hosts h ON h.tenant_id = u.tenant_id
       WHERE u.username = 'user500' AND h.host_name = 'bench500.guichet.test'`);
    Object.assign(sample, row);
  }, 300_000);
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('holds the rows it says', async () => {
    const [{ n }] = await ds.query<{ n: number }[]>('SELECT count(*)::int AS n FROM users');
    expect(n).toBeGreaterThanOrEqual(TENANTS * USERS_PER_TENANT);
  });

  const params: Record<string, () => string[]> = {
    'host lookup (tenant resolution of every request)': () => [`'${sample.host}'`],
    'user by username in a tenant (sign-in, forgot-password)': () => [
      `'${sample.tenantId}'`,
      `'${sample.username}'`,
    ],
    'users by email in a tenant (import matching)': () => [
      `'${sample.tenantId}'`,
      `ARRAY['E500']`,
      `ARRAY['${sample.email}']`,
      `ARRAY['${sample.username}']`,
    ],
    'user by id in a tenant (refresh, account emails)': () => [
      `'${sample.userId}'`,
      `'${sample.tenantId}'`,
    ],
    'reset token by hash (consumed atomically)': () => [
      `'${sample.tenantId}'`,
      `'\\x${sample.tokenHash}'`,
    ],
    'refresh session by token hash (rotation)': () => [
      `'${sample.tenantId}'`,
      `'\\x${sample.sessionHash}'`,
    ],
    'OpenID session by id': () => [`'${sample.tenantId}'`, `'Session'`, `'${sample.oidcId}'`],
  };

  for (const query of HOT_QUERIES)
    for (const mode of ['force_custom_plan', 'force_generic_plan'])
      it(`${query.name}: indexes only (${mode})`, async () => {
        const values = params[query.name]!();
        const plan = await ds.transaction(async (em) => {
          await em.query(`SET LOCAL plan_cache_mode = ${mode}`);
          await em.query(`PREPARE hot AS ${query.sql}`);
          try {
            // EXPLAIN without ANALYZE: the UPDATEs are planned, not run.
            const [{ 'QUERY PLAN': json }] = await em.query<
              { 'QUERY PLAN': { Plan: PlanNode }[] }[]
            >(`EXPLAIN (FORMAT JSON) EXECUTE hot(${values.join(', ')})`);
            return json[0]!.Plan;
          } finally {
            await em.query('DEALLOCATE hot');
          }
        });
        const all = nodes(plan);
        const shown = all.map(
          (n) =>
            `${n['Node Type']}${n['Relation Name'] ? ` on ${n['Relation Name']}` : ''}${n['Index Name'] ? ` using ${n['Index Name']}` : ''}`,
        );
        const scanned = all
          .filter(
            (n) => n['Node Type'] === 'Seq Scan' && query.indexed.includes(n['Relation Name']!),
          )
          .map((n) => n['Relation Name']);
        const unindexed = query.indexed.filter(
          (table) =>
            !all.some(
              (n) => n['Relation Name'] === table && /Index|Bitmap Heap/.test(n['Node Type']),
            ),
        );
        expect({ scanned, unindexed, plan: shown }).toEqual({
          scanned: [],
          unindexed: [],
          plan: shown,
        });
      });
});
