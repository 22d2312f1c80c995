import type { LoggerService } from '@nestjs/common';
import { pino, type Logger } from 'pino';

/** Query strings may carry tokens (`/reset-password?token=…`): never log them. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : `${url.slice(0, q)}?[redacted]`;
}

export function createLogger(level: string, name: string): Logger {
  return pino({
    name,
    level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'password',
        '*.password',
        'token',
        '*.token',
        'accessToken',
        'refreshToken',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: {
        id?: string;
        method?: string;
        url?: string;
        hostname?: string;
        ip?: string;
      }) => ({
        id: req.id,
        method: req.method,
        url: req.url ? redactUrl(req.url) : undefined,
        host: req.hostname,
        ip: req.ip,
      }),
    },
  });
}

/**
 * What Nest says while it assembles the application (each module loaded, each route mapped:
 * some 120 lines) is for whoever debugs the wiring, not for an operator reading a start.
 */
const ASSEMBLY_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

/** Nest's logger interface on top of pino, so framework messages are JSON too. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    if (context && ASSEMBLY_CONTEXTS.has(context)) this.logger.debug({ context }, String(message));
    else this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}
