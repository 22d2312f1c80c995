import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort, httpRequest } from '@guichet/testing';
import { CEGEP, createTestContext, type TestContext } from './support/test-app.js';

const API_MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));

function runApi(env: Record<string, string>): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [API_MAIN], { env: { PATH: process.env.PATH ?? '', ...env } });
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
  ])('a bad %s gives a clear message naming it, exit code 1 and no stack trace', async (name, value) => {
    const { code, stderr } = await runApi({ [name]: value });
    expect(code).toBe(1);
    expect(stderr).toContain('Invalid configuration');
    expect(stderr).toContain(`${name}=${JSON.stringify(value)}`);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

describe('health and metrics', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('reports ready when PostgreSQL and Redis answer, on any host', async () => {
    const res = await httpRequest(ctx.api.port, { path: '/health/ready', host: '10.1.2.3:3000' });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', checks: { postgres: 'up', redis: 'up' } });
  });

  it('reports a dead Redis as not ready (503) while staying live', async () => {
    const deadPort = await freePort();
    const api = await ctx.startApi({ REDIS_URL: `redis://127.0.0.1:${deadPort}` });
    const ready = await httpRequest(api.port, { path: '/health/ready' });
    expect(ready.status).toBe(503);
    expect(ready.json()).toMatchObject({ status: 'unavailable', checks: { postgres: 'up', redis: 'down' } });
    expect((await httpRequest(api.port, { path: '/health/live' })).status).toBe(200);
    await api.stop();
  });

  it('exposes a request-duration histogram labelled by tenant and route', async () => {
    await ctx.request(CEGEP, { path: '/api/v1/tenant' });
    const metrics = await httpRequest(ctx.api.port, { path: '/metrics' });
    expect(metrics.status).toBe(200);
    expect(metrics.body).toMatch(/http_request_duration_seconds_count\{[^}]*route="\/api\/v1\/tenant"[^}]*tenant="cegepdeseptiles"[^}]*\} [1-9]/);
  });

  it("writes JSON logs with our request id (a client's X-Request-Id beside it, never as ours), and stops cleanly on SIGTERM", async () => {
    const api = await ctx.startApi({ LOG_LEVEL: 'info' });
    const res = await ctx.request(CEGEP, { path: '/reset-password?token=secret-token-value', headers: { 'x-request-id': 'req-42' } }, api);
    const ours = res.headers['x-request-id'];
    expect(ours).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const code = await api.stop('SIGTERM');
    expect(code).toBe(0);
    const lines = api.output().split('\n').filter((l) => l.startsWith('{'));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(api.output()).toContain(`"reqId":"${ours}"`);
    expect(api.output()).toContain('"clientRequestId":"req-42"');
    expect(api.output()).not.toContain('"reqId":"req-42"');
    expect(api.output()).not.toContain('secret-token-value');
  });
});
