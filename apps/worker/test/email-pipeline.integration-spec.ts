import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ActionToken, EmailDelivery, EmailTemplate } from '@guichet/db';
import { enqueueEmail, hashToken } from '@guichet/platform';
import { freePort, startSmtpSink } from '@guichet/testing';
import { emailJobId } from '@guichet/types';
import { In } from 'typeorm';
import { createWorkerContext, waitUntil, type WorkerContext } from './support.js';

let ctx: WorkerContext;
beforeAll(async () => {
  ctx = await createWorkerContext();
});
afterAll(() => ctx.close());

const deliveries = () => ctx.dataSource.getRepository(EmailDelivery);
const statusOf = async (id: string) => (await deliveries().findOneByOrFail({ id })).status;
const mailsTo = (address: string) => ctx.smtp.messages.filter((m) => m.to.includes(address));
/** The delivery's job has left the queue (done, no attempt left to run): what it sent is all it will send. */
const jobFinished = (outboxId: string) =>
  waitUntil(
    async () => !(await ctx.queue.getJob(emailJobId(outboxId))),
    10_000,
    'the job to leave the queue',
  );

describe('email worker', () => {
  it('delivers a reset email end to end: sender, recipient, subject, both parts, a working link', async () => {
    const worker = await ctx.startWorker();
    const user = await ctx.createUser('cegepdeseptiles');
    const { outboxId, token, tokenId } = await ctx.requestLinkEmail(user);
    await waitUntil(async () => (await statusOf(outboxId)) === 'sent', 10_000, 'sent');
    const [mail] = mailsTo(user.email);
    expect(mail!.from).toBe('supportTI@cegepsi.ca');
    expect(mail!.subject).toBe(
      'Changement de mot de passe pour accéder au portail Web du Centre de services',
    );
    expect(mail!.text).toContain(
      "Pour des raisons de sécurité, l'accès à cette page est pour une durée limitée.",
    );
    expect(mail!.text).toContain('Votre Centre de services informatiques');
    expect(mail!.html).toContain('Changement de mot de passe');
    const link = /http:\/\/cegepdeseptiles\.localhost:3000\/reset-password\?token=([\w-]+)/.exec(
      mail!.text,
    )?.[1];
    expect(link).toBe(token);
    expect(mail!.html).toContain(`/reset-password?token=${token}`);
    const stored = await ctx.dataSource.getRepository(ActionToken).findOneByOrFail({ id: tokenId });
    expect(stored.tokenHash.equals(hashToken(link!))).toBe(true);

    const row = await deliveries().findOneByOrFail({ id: outboxId });
    expect(row).toMatchObject({
      status: 'sent',
      attempts: 1,
      tokenCiphertext: null,
      recipient: user.email,
    });
    expect(row.smtpMessageId).toBeTruthy();

    // Nothing secret in Redis, in the worker's logs or in the delivery record.
    const keys = await ctx.redis.keys(`*${ctx.prefix}*`);
    for (const key of keys) {
      const type = await ctx.redis.type(key);
      const dump =
        type === 'hash'
          ? JSON.stringify(await ctx.redis.hgetall(key))
          : type === 'string'
            ? await ctx.redis.get(key)
            : JSON.stringify(await ctx.redis.dump(key));
      expect(dump ?? '').not.toContain(token);
    }
    expect(worker.output()).not.toContain(token);
    expect(JSON.stringify(row)).not.toContain(token);
    await worker.stop();
  });

  it('uses a tenant override of the template, in the recipient language', async () => {
    const worker = await ctx.startWorker();
    await ctx.dataSource.getRepository(EmailTemplate).save({
      tenantId: ctx.tenants.monteregie.id,
      kind: 'enrolment',
      locale: 'en',
      subject: 'Welcome {{recipientName}}',
      html: '<p>Set your password: <a href="{{link}}">here</a></p>',
      text: 'Set your password: {{link}}\n{{signature}}',
    });
    const user = await ctx.createUser('monteregie');
    const { outboxId, token } = await ctx.requestLinkEmail(user, 'enrolment', 'en');
    await waitUntil(async () => (await statusOf(outboxId)) === 'sent', 10_000, 'sent');
    const [mail] = mailsTo(user.email);
    expect(mail!.subject).toBe('Welcome Jean Tremblay');
    expect(mail!.from).toBe('centredeservices.cisssmo16@ssss.gouv.qc.ca');
    expect(mail!.text).toContain(`http://monteregie.localhost:3000/reset-password?token=${token}`);
    await worker.stop();
  });

  it('does not send the link of a token voided before the worker got to it', async () => {
    const user = await ctx.createUser('cegepdeseptiles');
    const { outboxId, tokenId } = await ctx.requestLinkEmail(user);
    await ctx.dataSource
      .getRepository(ActionToken)
      .update({ id: tokenId }, { voidedAt: new Date() });
    const worker = await ctx.startWorker();
    await waitUntil(async () => (await statusOf(outboxId)) === 'cancelled', 10_000, 'cancelled');
    expect(mailsTo(user.email)).toHaveLength(0);
    expect((await deliveries().findOneByOrFail({ id: outboxId })).tokenCiphertext).toBeNull();
    await worker.stop();
  });

  it("does not send another tenant's row: a job naming a Cégep row under the Montérégie's id claims nothing", async () => {
    // No reconciler pass during the test: only the forged job may reach the row.
    const worker = await ctx.startWorker({
      OUTBOX_GRACE_MS: '600000',
      OUTBOX_RECONCILE_MS: '600000',
    });
    const user = await ctx.createUser('cegepdeseptiles');
    const { outboxId } = await ctx.requestLinkEmail(user, 'password-reset', 'fr', false);
    const forged = await ctx.queue.add(
      'password-reset',
      { outboxId, tenantId: ctx.tenants.monteregie.id, kind: 'password-reset', version: 1 },
      { jobId: `forged-${outboxId}`, attempts: 1, removeOnComplete: false, removeOnFail: false },
    );
    await waitUntil(
      async () => ['completed', 'failed'].includes(await forged.getState()),
      10_000,
      'the forged job to finish',
    );
    expect(await forged.getState()).toBe('completed');
    expect((await ctx.queue.getJob(forged.id!))!.returnvalue).toBe('already-done');
    const row = await deliveries().findOneByOrFail({ id: outboxId });
    expect(row).toMatchObject({ status: 'queued', attempts: 0 });
    expect(row.tokenCiphertext).not.toBeNull();
    expect(mailsTo(user.email)).toHaveLength(0);
    // The job of its own tenant still sends it.
    await enqueueEmail(ctx.queue, {
      outboxId,
      tenantId: user.tenantId,
      kind: 'password-reset',
      version: 1,
    });
    await waitUntil(async () => (await statusOf(outboxId)) === 'sent', 10_000, 'sent');
    expect(mailsTo(user.email)).toHaveLength(1);
    await worker.stop();
  });

  it('retries a 451 and delivers exactly once', async () => {
    const worker = await ctx.startWorker();
    ctx.smtp.failNext(1, 451, 'Try again later');
    const user = await ctx.createUser('cegepdeseptiles');
    const { outboxId } = await ctx.requestLinkEmail(user);
    await waitUntil(async () => (await statusOf(outboxId)) === 'sent', 10_000, 'sent');
    await jobFinished(outboxId);
    expect(mailsTo(user.email)).toHaveLength(1);
    expect((await deliveries().findOneByOrFail({ id: outboxId })).attempts).toBe(2);
    await worker.stop();
  });

  it('marks a 550 failed with its reason, without retrying', async () => {
    const worker = await ctx.startWorker();
    ctx.smtp.failNext(1, 550, 'Mailbox unavailable');
    const user = await ctx.createUser('cegepdeseptiles');
    const { outboxId } = await ctx.requestLinkEmail(user);
    await waitUntil(async () => (await statusOf(outboxId)) === 'failed', 10_000, 'failed');
    await jobFinished(outboxId);
    const row = await deliveries().findOneByOrFail({ id: outboxId });
    expect(row.attempts).toBe(1);
    // The reply code, not the server's words (they are in the worker's log).
    expect(row.lastError).toBe('550: the SMTP server refused the message');
    expect(row.tokenCiphertext).toBeNull();
    expect(mailsTo(user.email)).toHaveLength(0);
    await worker.stop();
  });

  it('keeps retrying while the SMTP server is down and delivers once it is back', async () => {
    const port = await freePort();
    const worker = await ctx.startWorker({ SMTP_URL: `smtp://127.0.0.1:${port}` });
    const user = await ctx.createUser('monteregie');
    const { outboxId } = await ctx.requestLinkEmail(user, 'enrolment');
    await waitUntil(
      async () => (await deliveries().findOneByOrFail({ id: outboxId })).attempts >= 2,
      10_000,
      'two attempts',
    );
    const pending = await deliveries().findOneByOrFail({ id: outboxId });
    expect(pending.status).toMatch(/queued|sending/);
    expect(pending.lastError).toBe(
      'could not connect to the SMTP server, or it closed the connection',
    );
    const sink = await startSmtpSink(port);
    try {
      await waitUntil(
        async () => (await statusOf(outboxId)) === 'sent',
        20_000,
        'sent after SMTP came back',
      );
      expect(sink.messages.filter((m) => m.to.includes(user.email))).toHaveLength(1);
    } finally {
      await worker.stop();
      await sink.stop();
    }
  });

  it('finishes the jobs in flight on SIGTERM, then exits 0', async () => {
    const worker = await ctx.startWorker({ WORKER_CONCURRENCY: '5' });
    ctx.smtp.setDelay(700);
    const user = await ctx.createUser('cegepdeseptiles');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await ctx.requestLinkEmail(user)).outboxId);
    await waitUntil(
      async () => (await deliveries().countBy({ id: In(ids), status: 'sending' })) >= 3,
      10_000,
      'jobs in flight',
    );
    const code = await worker.stop('SIGTERM');
    ctx.smtp.setDelay(0);
    expect(code).toBe(0);
    const sending = await deliveries().findBy({ id: In(ids) });
    expect(sending.filter((d) => d.status === 'sending')).toHaveLength(0);
    expect(mailsTo(user.email).length).toBe(sending.filter((d) => d.status === 'sent').length);
    // Whatever was not taken is delivered by the next worker.
    const next = await ctx.startWorker();
    await waitUntil(
      async () => (await deliveries().countBy({ id: In(ids), status: 'sent' })) === 5,
      15_000,
      'all five sent',
    );
    await next.stop();
  });

  it('delivers all 200 emails of a batch after a worker is killed with SIGKILL in the middle', async () => {
    const concurrency = 10;
    const worker = await ctx.startWorker({ WORKER_CONCURRENCY: String(concurrency) });
    ctx.smtp.setDelay(20);
    const user = await ctx.createUser('monteregie');
    const ids: string[] = [];
    for (let i = 0; i < 200; i++)
      ids.push((await ctx.requestLinkEmail(user, 'enrolment', 'fr')).outboxId);
    await waitUntil(async () => mailsTo(user.email).length >= 40, 20_000, '40 delivered');
    await worker.stop('SIGKILL');
    const restarted = await ctx.startWorker({ WORKER_CONCURRENCY: String(concurrency) });
    await waitUntil(
      async () => (await deliveries().countBy({ id: In(ids), status: 'sent' })) === 200,
      60_000,
      'all 200 sent',
    );
    ctx.smtp.setDelay(0);
    const received = mailsTo(user.email);
    const byDelivery = new Map<string, number>();
    for (const m of received) {
      const id = String(m.parsed.headers.get('x-guichet-delivery'));
      byDelivery.set(id, (byDelivery.get(id) ?? 0) + 1);
    }
    expect(new Set(byDelivery.keys())).toEqual(new Set(ids));
    const duplicates = received.length - byDelivery.size;
    expect(duplicates).toBeLessThanOrEqual(concurrency);
    await restarted.stop();
  }, 120_000);

  it('delivers everything after Redis lost the queue (restart without persistence)', async () => {
    const user = await ctx.createUser('cegepdeseptiles');
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) ids.push((await ctx.requestLinkEmail(user)).outboxId);
    const keys = await ctx.redis.keys(`*${ctx.prefix}*`);
    expect(keys.length).toBeGreaterThan(0);
    await ctx.redis.del(...keys); // the queue is gone; the outbox rows remain
    const worker = await ctx.startWorker();
    await waitUntil(
      async () => (await deliveries().countBy({ id: In(ids), status: 'sent' })) === 50,
      30_000,
      'all 50 sent',
    );
    expect(mailsTo(user.email)).toHaveLength(50);
    await worker.stop();
  }, 60_000);

  it('refuses to start against a Redis whose maxmemory-policy is not noeviction', async () => {
    const port = await freePort();
    const redis = spawn('redis-server', [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--maxmemory-policy',
      'allkeys-lru',
    ]);
    try {
      await new Promise((r) => setTimeout(r, 300));
      const healthPort = await freePort();
      const worker = spawn(
        process.execPath,
        [fileURLToPath(new URL('../dist/main.js', import.meta.url))],
        {
          env: {
            ...process.env,
            ...ctx.env,
            REDIS_URL: `redis://127.0.0.1:${port}`,
            WORKER_HEALTH_PORT: String(healthPort),
            WORKER_MANAGEMENT_PORT: '0',
          },
        },
      );
      let stderr = '';
      worker.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const code = await new Promise<number | null>((resolve) => worker.on('exit', resolve));
      expect(code).toBe(1);
      expect(stderr).toContain('maxmemory-policy "allkeys-lru"');
      expect(stderr).toContain('noeviction');
      expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
    } finally {
      redis.kill();
    }
  });
});
