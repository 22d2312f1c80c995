import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { freePort } from './process.js';

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
  messageId: string | undefined;
  raw: string;
  parsed: ParsedMail;
}

export interface SmtpSink {
  port: number;
  url: string;
  messages: ReceivedMail[];
  /** Replies with this SMTP error to the next n messages (e.g. 451 or 550). */
  failNext(n: number, code: number, message: string): void;
  /** Holds every message this long before answering (slow server). */
  setDelay(ms: number): void;
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** Connections clients opened, and those that are closed again (either side). */
  connections: { opened: number; closed: number };
  /** Waits until at least `count` connections are closed. */
  waitForClosed(count: number, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export interface SmtpSinkOptions {
  /** Offers STARTTLS with this key and certificate (PEM); without, STARTTLS is not offered. */
  tls?: { key: string; cert: string };
}

/** An in-process SMTP server that keeps what it receives. */
export async function startSmtpSink(
  port?: number,
  sinkOptions: SmtpSinkOptions = {},
): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  const connections = { opened: 0, closed: 0 };
  let failures: { remaining: number; code: number; message: string } | null = null;
  let delayMs = 0;
  const options: SMTPServerOptions = {
    authOptional: true,
    ...(sinkOptions.tls
      ? { key: sinkOptions.tls.key, cert: sinkOptions.tls.cert }
      : { disabledCommands: ['STARTTLS'] }),
    logger: false,
    onConnect(_session, callback) {
      connections.opened += 1;
      callback();
    },
    onClose() {
      connections.closed += 1;
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
        if (failures && failures.remaining > 0) {
          failures.remaining -= 1;
          const error = Object.assign(new Error(failures.message), { responseCode: failures.code });
          return callback(error);
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw)
          .then((parsed) => {
            messages.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
              subject: parsed.subject ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              text: parsed.text ?? '',
              messageId: parsed.messageId,
              raw,
              parsed,
            });
            callback();
          })
          .catch((e: Error) => callback(e));
      });
    },
  };
  const server = new SMTPServer(options);
  const actualPort = port ?? (await freePort());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(actualPort, '127.0.0.1', () => resolve());
  });
  // A client that dies in the middle of a message (a worker killed with SIGKILL: the fault the
  // tests inject) resets its connection; smtp-server reports that as a server 'error', which
  // with no listener would crash the test process. The message is simply not received.
  server.on('error', () => undefined);
  return {
    port: actualPort,
    url: `smtp://127.0.0.1:${actualPort}`,
    messages,
    failNext(n, code, message) {
      failures = { remaining: n, code, message };
    },
    setDelay(ms) {
      delayMs = ms;
    },
    async waitFor(count, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > deadline)
          throw new Error(
            `expected ${count} emails, got ${messages.length} within ${timeoutMs} ms`,
          );
        await new Promise((r) => setTimeout(r, 25));
      }
      return messages;
    },
    connections,
    async waitForClosed(count, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (connections.closed < count) {
        if (Date.now() > deadline)
          throw new Error(
            `expected ${count} closed connections, got ${connections.closed} of ${connections.opened} within ${timeoutMs} ms`,
          );
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
