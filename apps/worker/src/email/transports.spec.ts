import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { buildConfig, Encryptor } from '@guichet/platform';
import { type SmtpSink, startSmtpSink } from '@guichet/testing';
import { parseEnv } from '@guichet/types';
import { MAX_TENANT_TRANSPORTS, TransportPool } from './transports.js';

describe('TransportPool', () => {
  let sink: SmtpSink;
  let pool: TransportPool;
  beforeAll(async () => {
    sink = await startSmtpSink();
    const key = randomBytes(32).toString('base64');
    pool = new TransportPool(
      buildConfig(
        parseEnv({
          NODE_ENV: 'test',
          SMTP_ALLOWED_HOSTS: '127.0.0.1',
          SMTP_ALLOW_INSECURE: 'true',
          DATA_ENCRYPTION_KEY: key,
        }),
      ),
      new Encryptor(key),
    );
  });
  afterAll(async () => {
    pool.onApplicationShutdown();
    await sink.stop();
  });

  it(`keeps the transports of ${MAX_TENANT_TRANSPORTS} tenants at most, closing the least recently used one`, async () => {
    const smtp = {
      host: '127.0.0.1',
      port: sink.port,
      secure: false,
      user: null,
      passwordCiphertext: null,
    };
    const send = (tenant: string) =>
      pool.get(tenant, smtp).sendMail({
        from: 'guichet@example.ca',
        to: `${tenant}@example.ca`,
        subject: tenant,
        text: tenant,
      });
    const first = pool.get('tenant-0', smtp);
    for (let i = 0; i < MAX_TENANT_TRANSPORTS; i += 1) await send(`tenant-${i}`);
    expect(sink.connections).toEqual({ opened: MAX_TENANT_TRANSPORTS, closed: 0 });
    expect(pool.get('tenant-0', smtp)).toBe(first);

    // tenant-1 is now the least recently used: one more tenant closes its connection.
    await send(`tenant-${MAX_TENANT_TRANSPORTS}`);
    await sink.waitForClosed(1, 5_000);
    expect(pool.get('tenant-0', smtp)).toBe(first);
    expect(sink.messages).toHaveLength(MAX_TENANT_TRANSPORTS + 1);
  });
});
