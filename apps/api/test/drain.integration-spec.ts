import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { httpRequest } from '@guichet/testing';
import { CEGEP, createTestContext, type TestContext } from './support/test-app.js';

const GRACE_SECONDS = 2;
/** How long the "load balancer" goes on sending after it saw ready=false. */
const LB_LAG_MS = 500;

/** A sign-in whose body arrives in two halves, the second after `pauseMs`: in flight while the server closes. */
function slowSignIn(port: number, pauseMs: number): Promise<number> {
  const body = JSON.stringify({ username: 'nobody', password: 'wrong password', remember: 'none' });
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/v1/auth/login',
        agent: false,
        headers: {
          host: CEGEP,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'x-forwarded-for': '10.9.9.9',
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.write(body.slice(0, 10));
    setTimeout(() => req.end(body.slice(10)), pauseMs);
  });
}

describe('graceful drain of the API on SIGTERM', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({
      SHUTDOWN_GRACE_SECONDS: String(GRACE_SECONDS),
      TRUSTED_PROXIES: '127.0.0.1',
    });
  }, 120_000);
  afterAll(() => ctx.close());

  it('turns not ready, serves through the grace, finishes what is in flight, exits 0: no failed request', async () => {
    const api = ctx.api;
    const failures: string[] = [];
    const answered: { at: number; status: number }[] = [];
    let notReadyAt = 0;
    let stopSending = false;

    // The load balancer's probe.
    const probe = (async () => {
      while (!notReadyAt) {
        const res = await httpRequest(api.port, { path: '/health/ready', timeoutMs: 2000 }).catch(
          () => null,
        );
        if (res?.status === 503) {
          notReadyAt = Date.now();
          setTimeout(() => (stopSending = true), LB_LAG_MS);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    })();

    // 12 clients: the public tenant document, failed sign-ins (argon2 work) and forgot-passwords.
    let n = 0;
    const client = async (id: number) => {
      while (!stopSending) {
        n += 1;
        const kind = (id + n) % 3;
        const req =
          kind === 0
            ? { path: '/api/v1/tenant' }
            : kind === 1
              ? {
                  method: 'POST',
                  path: '/api/v1/auth/login',
                  body: { username: 'nobody', password: 'wrong', remember: 'none' },
                  headers: { 'x-forwarded-for': `10.8.${id}.${n % 250}` },
                }
              : {
                  method: 'POST',
                  path: '/api/v1/password/forgot',
                  body: { username: `nobody${n}` },
                  headers: { 'x-forwarded-for': `10.7.${n % 250}.${id}` },
                };
        const expected = [200, 401, 202][kind]!;
        try {
          const res = await httpRequest(api.port, { ...req, host: CEGEP, timeoutMs: 10_000 });
          answered.push({ at: Date.now(), status: res.status });
          if (res.status !== expected) failures.push(`${req.path}: ${res.status} ${res.body}`);
        } catch (error) {
          failures.push(`${req.path}: ${(error as Error).message}`);
        }
      }
    };
    const clients = Array.from({ length: 12 }, (_, id) => client(id));

    await new Promise((r) => setTimeout(r, 1000));
    const sigtermAt = Date.now();
    api.child.kill('SIGTERM');
    // Sent just before the server closes, its body finished just after: in flight during the close.
    const inFlight = new Promise<number>((resolve, reject) =>
      setTimeout(() => slowSignIn(api.port, 800).then(resolve, reject), GRACE_SECONDS * 1000 - 300),
    );
    const code = await api.exited;
    const exitedAt = Date.now();
    await Promise.all([probe, ...clients]);

    expect(code).toBe(0);
    expect(failures).toEqual([]);
    expect(await inFlight).toBe(401);
    // Not ready at once, served on through the grace period, gone after it.
    expect(notReadyAt - sigtermAt).toBeLessThan(1000);
    expect(answered.filter((a) => a.at > notReadyAt).length).toBeGreaterThan(0);
    expect(exitedAt - sigtermAt).toBeGreaterThanOrEqual(GRACE_SECONDS * 1000);
    expect(answered.length).toBeGreaterThan(20);
  }, 60_000);
});
