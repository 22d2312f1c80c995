import { HttpException, HttpStatus } from '@nestjs/common';

/** Seconds a client is asked to wait when the work after the reply is full. */
export const BUSY_RETRY_SECONDS = 5;

/**
 * 503 with Retry-After: the request cannot be taken on now. Decided before anything about the
 * account is read, so every account (known or not) gets this same reply under the same load.
 */
export class BackgroundBusyException extends HttpException {
  readonly headers: Record<string, string> = { 'retry-after': String(BUSY_RETRY_SECONDS) };
  constructor() {
    super(
      {
        error: 'busy',
        message: `The service is busy: nothing was sent. Try again in ${BUSY_RETRY_SECONDS} seconds.`,
      },
      HttpStatus.SERVICE_UNAVAILABLE,
    );
  }
}
