import { connect, type Socket } from 'node:net';
import type { SmtpTargetPolicy } from '@guichet/platform';

function open(address: string, port: number, timeoutMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: address, port });
    const fail = (error: Error) => {
      clearTimeout(timer);
      socket.destroy();
      reject(error);
    };
    const timer = setTimeout(
      () => fail(Object.assign(new Error('Connection timeout'), { code: 'ETIMEDOUT' })),
      timeoutMs,
    );
    socket.once('error', fail);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeListener('error', fail);
      resolve(socket);
    });
  });
}

/**
 * A TCP connection to a tenant's SMTP server, resolved and checked at this moment (the name
 * may point elsewhere than when it was saved: DNS rebinding) and opened to an address that
 * was checked, never re-resolved. nodemailer then speaks SMTP over it and, for TLS, still
 * verifies the certificate against the host name. Addresses are tried in turn.
 */
export async function openCheckedSocket(
  targets: SmtpTargetPolicy,
  host: string,
  port: number,
  timeoutMs: number,
): Promise<Socket> {
  const addresses = await targets.addresses(host, port);
  let lastError: unknown;
  for (const address of addresses) {
    try {
      return await open(address, port, timeoutMs);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}
