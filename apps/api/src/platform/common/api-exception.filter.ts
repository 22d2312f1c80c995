import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { ApiError } from '@guichet/types';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * How the errors of some requests leave instead of `{ error, message }` (a protocol with its
 * own error schema, such as SCIM's): registered by the feature that serves those requests.
 */
export interface ErrorFormat {
  /** Whether this format answers the errors of a request to this URL. */
  applies(url: string | undefined): boolean;
  /** The reply: its content type and body, from the exception and the JSON API's body of it. */
  render(
    exception: unknown,
    status: number,
    body: ApiError,
  ): { contentType: string; body: unknown };
}

const formats = new Set<ErrorFormat>();

/** Registers an error format (once: registering the same one again changes nothing). */
export function registerErrorFormat(format: ErrorFormat): void {
  formats.add(format);
}

const CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
};

/** Maps Fastify's own client errors (body parsing, size, content type) to a status. */
function fastifyClientError(error: unknown): { status: number; message: string } | null {
  const e = error as { code?: string; statusCode?: number; message?: string };
  if (
    typeof e?.statusCode === 'number' &&
    e.statusCode >= 400 &&
    e.statusCode < 500 &&
    typeof e.code === 'string' &&
    e.code.startsWith('FST_')
  ) {
    const messages: Record<string, string> = {
      FST_ERR_CTP_BODY_TOO_LARGE: 'The request body is too large.',
      FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Unsupported content type: send application/json.',
      FST_ERR_CTP_INVALID_JSON_BODY: 'The request body is not valid JSON.',
      FST_ERR_CTP_EMPTY_JSON_BODY: 'The request body is empty.',
    };
    return { status: e.statusCode, message: messages[e.code] ?? e.message ?? 'Bad request.' };
  }
  if (error instanceof SyntaxError)
    return { status: 400, message: 'The request body is not valid JSON.' };
  return null;
}

/**
 * Every error of the JSON API leaves as `{ error, message, fields? }` (or in a registered
 * ErrorFormat for the requests it applies to); never a stack trace.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    let status = HttpStatus.INTERNAL_SERVER_ERROR;
    let body: ApiError = {
      error: 'internal_error',
      message: 'An unexpected error occurred. Please try again.',
    };

    if (exception instanceof HttpException) {
      status = exception.getStatus();
      const response = exception.getResponse();
      if (
        typeof response === 'object' &&
        response &&
        'error' in response &&
        typeof (response as ApiError).message === 'string'
      ) {
        body = response as ApiError;
      } else {
        const message =
          typeof response === 'string'
            ? response
            : ((response as { message?: unknown }).message ?? exception.message);
        body = {
          error: CODES[status] ?? 'error',
          message: Array.isArray(message) ? message.join('; ') : String(message),
        };
      }
    } else {
      const client = fastifyClientError(exception);
      if (client) {
        status = client.status;
        body = { error: CODES[status] ?? 'bad_request', message: client.message };
      } else {
        this.logger.error(
          `${request.method} ${request.routeOptions?.url ?? ''}: ${(exception as Error)?.stack ?? String(exception)}`,
        );
      }
    }
    const headers = (exception as { getResponse?: () => unknown; headers?: Record<string, string> })
      ?.headers;
    if (headers) for (const [k, v] of Object.entries(headers)) void reply.header(k, v);
    const format = [...formats].find((f) => f.applies(request.url));
    if (format) {
      const rendered = format.render(exception, status, body);
      void reply
        .status(status)
        .header('cache-control', 'no-store')
        .header('content-type', rendered.contentType)
        .send(rendered.body);
      return;
    }
    void reply.status(status).header('cache-control', 'no-store').send(body);
  }
}
