import { HttpException, HttpStatus } from '@nestjs/common';

/** 429 with Retry-After (the API exception filter copies `headers` to the reply). */
export class TooManyRequestsException extends HttpException {
  readonly headers: Record<string, string>;
  /** `what`: what there was too much of, for the message. */
  constructor(retryAfterSeconds: number, what = 'attempts from your network') {
    const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
    super(
      { error: 'too_many_requests', message: `Too many ${what}. Try again in ${seconds} seconds.` },
      HttpStatus.TOO_MANY_REQUESTS,
    );
    this.headers = { 'retry-after': String(seconds) };
  }
}
