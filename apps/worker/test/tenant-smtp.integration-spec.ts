import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmailDelivery } from '@guichet/db';
import { type RunningProcess, type SmtpSink, startSmtpSink } from '@guichet/testing';
import { createWorkerContext, waitUntil, type WorkerContext } from './support.js';

/**
 * A tenant's own SMTP server, as the worker reaches it: only where the rules allow at the
 * moment it connects, over TLS, with failures told without the server's words, and its
 * connections closed when the settings change. The harness lists 127.0.0.1 (not the name
 * localhost) in SMTP_ALLOWED_HOSTS, so `localhost` is a name that resolves, for real, to an
 * internal address that is not allowed — what a rebinding DNS name does after it was saved.
 */
let ctx: WorkerContext;
let sink: SmtpSink;
let worker: RunningProcess | null = null;
beforeAll(async () => {
  ctx = await createWorkerContext();
  sink = await startSmtpSink();
});
afterEach(async () => {
  await worker?.stop();
  worker = null;
});
afterAll(async () => {
  await sink.stop();
  await ctx.close();
});

const deliveries = () => ctx.dataSource.getRepository(EmailDelivery);
const delivery = (id: string) => deliveries().findOneByOrFail({ id });
const setSmtp = async (smtp: { host: string; port: number; secure?: boolean } | null) => {
  const value = smtp
    ? JSON.stringify({ secure: false, user: null, passwordCiphertext: null, ...smtp })
    : null;
  await ctx.dataSource.query(
    'UPDATE tenant_settings SET smtp = $2::jsonb, version = version + 1 WHERE tenant_id = $1',
    [ctx.tenants.cegepdeseptiles.id, value],
  );
};
const send = async () => {
  const user = await ctx.createUser('cegepdeseptiles');
  return { user, ...(await ctx.requestLinkEmail(user)) };
};
const until = (id: string, status: string) =>
  waitUntil(async () => (await delivery(id)).status === status, 15_000, status);

describe('tenant SMTP servers', () => {
  it('delivers through a tenant server at an address the operator listed', async () => {
    await setSmtp({ host: '127.0.0.1', port: sink.port });
    worker = await ctx.startWorker();
    const { user, outboxId } = await send();
    await until(outboxId, 'sent');
    expect(sink.messages.some((m) => m.to.includes(user.email))).toBe(true);
  });

  it('refuses, when connecting, a local name saved before the rules or rebound since, without retrying or connecting', async () => {
    await setSmtp({ host: 'localhost', port: sink.port });
    const opened = sink.connections.opened;
    worker = await ctx.startWorker();
    const { user, outboxId } = await send();
    await until(outboxId, 'failed');
    const row = await delivery(outboxId);
    expect(row.attempts).toBe(1);
    expect(row.lastError).toBe(
      'not sent: the SMTP server is on an address or port that is not allowed',
    );
    expect(sink.connections.opened).toBe(opened);
    expect(sink.messages.some((m) => m.to.includes(user.email))).toBe(false);
    // The operator's log says what was refused.
    expect(worker.output()).toContain('a local or internal name (localhost)');
  });

  it('checks what a name resolves to when connecting (DNS rebinding): 127.1 resolves, for real, to a loopback address', async () => {
    await setSmtp({ host: '127.1', port: 25 });
    worker = await ctx.startWorker({ SMTP_ALLOWED_HOSTS: '' });
    const { outboxId } = await send();
    await until(outboxId, 'failed');
    expect((await delivery(outboxId)).lastError).toBe(
      'not sent: the SMTP server is on an address or port that is not allowed',
    );
    expect(worker.output()).toContain('a loopback address (127.1 resolves to 127.0.0.1)');
  });

  it('connects to the address it checked: a name the operator listed by address is delivered to', async () => {
    // 127.1 is not listed, the address it resolves to is (the harness's 127.0.0.1).
    await setSmtp({ host: '127.1', port: sink.port });
    worker = await ctx.startWorker();
    const { user, outboxId } = await send();
    await until(outboxId, 'sent');
    expect(sink.messages.some((m) => m.to.includes(user.email))).toBe(true);
  });

  it('lets the operator list a name, which is then used on any port', async () => {
    await setSmtp({ host: 'localhost', port: sink.port });
    worker = await ctx.startWorker({ SMTP_ALLOWED_HOSTS: 'localhost' });
    const { user, outboxId } = await send();
    await until(outboxId, 'sent');
    expect(sink.messages.some((m) => m.to.includes(user.email))).toBe(true);
  });

  it('requires TLS of a tenant server unless SMTP_ALLOW_INSECURE', async () => {
    await setSmtp({ host: '127.0.0.1', port: sink.port });
    worker = await ctx.startWorker({ SMTP_ALLOW_INSECURE: 'false' });
    const { user, outboxId } = await send();
    await until(outboxId, 'failed');
    expect((await delivery(outboxId)).lastError).toMatch(/TLS/);
    expect(sink.messages.some((m) => m.to.includes(user.email))).toBe(false);
  });

  it('keeps the server’s own reply text out of the delivery record (the operator’s log has it)', async () => {
    await setSmtp({ host: '127.0.0.1', port: sink.port });
    worker = await ctx.startWorker();
    sink.failNext(1, 550, 'redis_version:7.0.15 banner of an internal service');
    const { outboxId } = await send();
    await until(outboxId, 'failed');
    const { lastError } = await delivery(outboxId);
    expect(lastError).toBe('550: the SMTP server refused the message');
    expect(worker.output()).toContain('redis_version:7.0.15 banner of an internal service');
  });

  it('closes the connections of a tenant’s old server when its SMTP settings change', async () => {
    const old = await startSmtpSink();
    try {
      await setSmtp({ host: '127.0.0.1', port: old.port });
      worker = await ctx.startWorker();
      const first = await send();
      await until(first.outboxId, 'sent');
      expect(old.messages.some((m) => m.to.includes(first.user.email))).toBe(true);
      // The pool keeps its connection open for the next email.
      expect(old.connections).toEqual({ opened: 1, closed: 0 });

      await setSmtp({ host: '127.0.0.1', port: sink.port });
      // The worker reads settings again after a few seconds: send until one goes to the new server.
      await waitUntil(
        async () => {
          const next = await send();
          await until(next.outboxId, 'sent');
          return sink.messages.some((m) => m.to.includes(next.user.email));
        },
        20_000,
        'an email through the new server',
      );
      await old.waitForClosed(1, 5_000);
    } finally {
      await old.stop();
    }
  }, 60_000);
});

describe('tenant SMTP over STARTTLS', () => {
  let dir: string;
  let tlsSink: SmtpSink;
  beforeAll(async () => {
    // A certificate for the name localhost, trusted by the worker (NODE_EXTRA_CA_CERTS).
    dir = mkdtempSync(join(tmpdir(), 'guichet-smtp-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    tlsSink = await startSmtpSink(undefined, {
      tls: {
        key: readFileSync(join(dir, 'key.pem'), 'utf8'),
        cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
      },
    });
  });
  afterAll(async () => {
    await tlsSink.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const tlsWorker = () =>
    ctx.startWorker({
      SMTP_ALLOWED_HOSTS: 'localhost,127.0.0.1',
      SMTP_ALLOW_INSECURE: 'false',
      NODE_EXTRA_CA_CERTS: join(dir, 'cert.pem'),
    });

  it('connects to the checked address and verifies the certificate against the host name', async () => {
    await setSmtp({ host: 'localhost', port: tlsSink.port });
    worker = await tlsWorker();
    const { user, outboxId } = await send();
    await until(outboxId, 'sent');
    expect(tlsSink.messages.some((m) => m.to.includes(user.email))).toBe(true);
  });

  it('refuses a certificate that is not for the host', async () => {
    await setSmtp({ host: '127.0.0.1', port: tlsSink.port });
    worker = await tlsWorker();
    const { user, outboxId } = await send();
    await waitUntil(
      async () =>
        (await delivery(outboxId)).attempts >= 1 && (await delivery(outboxId)).status !== 'sending',
      15_000,
      'a failed attempt',
    );
    const row = await delivery(outboxId);
    expect(row.status).not.toBe('sent');
    expect(row.lastError).toMatch(/TLS/);
    expect(tlsSink.messages.some((m) => m.to.includes(user.email))).toBe(false);
  });
});
