import { fileURLToPath } from 'node:url';
import {
  PORT_ENV,
  type ReceivedMail,
  type RunningProcess,
  type SmtpSink,
  startService,
  startSmtpSink,
} from '@guichet/testing';
import type { TestContext } from './test-app.js';

const WORKER_MAIN = fileURLToPath(new URL('../../../worker/dist/main.js', import.meta.url));

export interface MailWorker {
  sink: SmtpSink;
  worker: RunningProcess;
  /** Waits for the next email to `to` (after those already read) and returns it. */
  nextEmail(to: string, timeoutMs?: number): Promise<ReceivedMail>;
  /** The first http(s) link of an email's text part. */
  linkIn(mail: ReceivedMail): string;
  stop(): Promise<void>;
}

/** The built email worker on the test context's database and Redis, sending to an in-process SMTP server. */
export async function startMailWorker(ctx: TestContext): Promise<MailWorker> {
  const sink = await startSmtpSink();
  const worker = await startService({
    script: WORKER_MAIN,
    portEnv: PORT_ENV.worker,
    env: { ...ctx.env, SMTP_URL: sink.url, HOST: '127.0.0.1' },
  });
  const read = new Map<string, number>();
  return {
    sink,
    worker,
    async nextEmail(to, timeoutMs = 15_000) {
      const seen = read.get(to) ?? 0;
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const mine = sink.messages.filter((m) => m.to.includes(to));
        if (mine.length > seen) {
          read.set(to, seen + 1);
          return mine[seen]!;
        }
        if (Date.now() > deadline)
          throw new Error(
            `no email to ${to} within ${timeoutMs} ms (${sink.messages.length} received in all)`,
          );
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    linkIn(mail) {
      const link = /https?:\/\/\S+\/reset-password\?token=[\w-]+/.exec(mail.text)?.[0];
      if (!link) throw new Error(`no link in the email « ${mail.subject} »`);
      return link;
    },
    async stop() {
      await worker.stop();
      await sink.stop();
    },
  };
}
