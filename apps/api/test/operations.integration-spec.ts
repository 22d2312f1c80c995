import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { freePort, httpRequest } from '@guichet/testing';
import { ADMIN_HOST, CEGEP, createTestContext, type TestContext } from './support/test-app.js';

const API_MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));

function runApi(
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [API_MAIN], {
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, stdout });
    });
  });
}

describe('configuration', () => {
  it.each([
    ['PORT', 'seventy'],
    ['DATABASE_URL', 'mysql://localhost/guichet'],
    ['PUBLIC_URL_SCHEME', 'ftp'],
    ['DATA_ENCRYPTION_KEY', 'too-short'],
  ])(
    'a bad %s gives a clear message naming it, exit code 1 and no stack trace',
    async (name, value) => {
      const { code, stderr } = await runApi({ [name]: value });
      expect(code).toBe(1);
      expect(stderr).toContain('Invalid configuration');
      expect(stderr).toContain(`${name}=${JSON.stringify(value)}`);
      expect(stderr).not.toMatch(/\n\s+at /);
    },
  );
});

describe('health and metrics', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('reports ready when PostgreSQL and Redis answer, on any host, with a plain status only', async () => {
    const res = await httpRequest(ctx.api.port, { path: '/health/ready', host: '10.1.2.3:3000' });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
    const detail = await ctx.management({ path: '/health/ready' });
    expect(detail.status).toBe(200);
    expect(detail.json()).toEqual({ status: 'ok', checks: { postgres: 'up', redis: 'up' } });
  });

  it('reports a dead Redis as not ready (503) while staying live; which one and why only on the management port', async () => {
    const deadPort = await freePort();
    const api = await ctx.startApi({ REDIS_URL: `redis://127.0.0.1:${deadPort}` });
    const ready = await httpRequest(api.port, { path: '/health/ready' });
    expect(ready.status).toBe(503);
    expect(ready.json()).toEqual({ status: 'unavailable' });
    expect((await httpRequest(api.port, { path: '/health/live' })).status).toBe(200);
    const detail = await ctx.management({ path: '/health/ready' }, api);
    expect(detail.status).toBe(503);
    expect(detail.json()).toMatchObject({
      status: 'unavailable',
      checks: { postgres: 'up', redis: 'down' },
      errors: { redis: expect.any(String) },
    });
    await api.stop();
  });

  it.each([CEGEP, ADMIN_HOST, '10.1.2.3:3000', 'unknown.localhost:3000'])(
    'answers 404 to /metrics on the public port, host %s',
    async (host) => {
      await ctx.request(CEGEP, { path: '/api/v1/tenant' });
      const res = await httpRequest(ctx.api.port, { path: '/metrics', host });
      expect(res.status).toBe(404);
      expect(res.body).not.toMatch(/http_request_duration_seconds|cegepdeseptiles/);
    },
  );

  it('exposes a request-duration histogram labelled by tenant and route on the management port', async () => {
    await ctx.request(CEGEP, { path: '/api/v1/tenant' });
    const metrics = await ctx.management({ path: '/metrics' });
    expect(metrics.status).toBe(200);
    expect(metrics.body).toMatch(
      /http_request_duration_seconds_count\{[^}]*route="\/api\/v1\/tenant"[^}]*tenant="cegepdeseptiles"[^}]*\} [1-9]/,
    );
  });

  it('binds the management port to loopback 127.0.0.1 by default, and where MANAGEMENT_HOST says otherwise', async () => {
    // Linux routes all of 127/8 to lo: a server bound to 0.0.0.0 would answer on 127.0.0.2 too.
    const status = (host: string, port: number) =>
      new Promise<number>((resolve, reject) =>
        http
          .get({ host, port, path: '/metrics', timeout: 5000 }, (r) => {
            r.resume();
            resolve(r.statusCode ?? 0);
          })
          .on('error', reject),
      );
    expect(await status('127.0.0.1', ctx.api.managementPort)).toBe(200);
    await expect(status('127.0.0.2', ctx.api.managementPort)).rejects.toThrow(/ECONNREFUSED/);

    const managementPort = await freePort();
    const api = await ctx.startApi({
      MANAGEMENT_HOST: '127.0.0.2',
      MANAGEMENT_PORT: String(managementPort),
    });
    expect(await status('127.0.0.2', managementPort)).toBe(200);
    await expect(status('127.0.0.1', managementPort)).rejects.toThrow(/ECONNREFUSED/);
    await api.stop();
  });

  it("writes JSON logs with our request id (a client's X-Request-Id beside it, never as ours), and stops cleanly on SIGTERM", async () => {
    const api = await ctx.startApi({ LOG_LEVEL: 'info' });
    const res = await ctx.request(
      CEGEP,
      { path: '/reset-password?token=secret-token-value', headers: { 'x-request-id': 'req-42' } },
      api,
    );
    const ours = res.headers['x-request-id'];
    expect(ours).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const code = await api.stop('SIGTERM');
    expect(code).toBe(0);
    const lines = api
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(api.output()).toContain(`"reqId":"${ours}"`);
    expect(api.output()).toContain('"clientRequestId":"req-42"');
    expect(api.output()).not.toContain('"reqId":"req-42"');
    expect(api.output()).not.toContain('secret-token-value');
  });
});
