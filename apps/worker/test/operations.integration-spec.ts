import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { httpRequest, type RunningProcess } from '@guichet/testing';
import { createWorkerContext, waitUntil, type WorkerContext } from './support.js';

describe('worker health and metrics', () => {
  let ctx: WorkerContext;
  let worker: RunningProcess;
  beforeAll(async () => {
    ctx = await createWorkerContext();
    worker = await ctx.startWorker();
  });
  afterAll(() => ctx.close());

  it('answers live and ready on its main port with a plain status only, and no /metrics there', async () => {
    expect((await httpRequest(worker.port, { path: '/health/live' })).json()).toEqual({
      status: 'ok',
    });
    const ready = await httpRequest(worker.port, { path: '/health/ready' });
    expect(ready.status).toBe(200);
    expect(ready.json()).toEqual({ status: 'ok' });
    expect((await httpRequest(worker.port, { path: '/metrics' })).status).toBe(404);
  });

  it('serves metrics and the detailed readiness on its management port', async () => {
    const user = await ctx.createUser('cegepdeseptiles');
    await ctx.requestLinkEmail(user);
    await waitUntil(
      async () => ctx.smtp.messages.some((m) => m.to.includes(user.email)),
      10_000,
      'sent',
    );
    await waitUntil(
      async () =>
        /^email_jobs_total\{[^}]*outcome="completed"[^}]*\} [1-9]/m.test(
          (await httpRequest(worker.managementPort, { path: '/metrics' })).body,
        ),
      5_000,
      'the completed job counted',
    );
    const detail = await httpRequest(worker.managementPort, { path: '/health/ready' });
    expect(detail.json()).toEqual({ status: 'ok', checks: { postgres: 'up', redis: 'up' } });
  });
});
