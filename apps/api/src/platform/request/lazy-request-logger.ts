import type { FastifyBaseLogger } from 'fastify';

type Bindings = Parameters<FastifyBaseLogger['child']>[0];
type ChildOptions = Parameters<FastifyBaseLogger['child']>[1];
type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
/** What pino's loggers (the API's) have beside Fastify's logger interface. */
type PinoLike = FastifyBaseLogger & {
  isLevelEnabled(level: string): boolean;
  bindings(): Bindings;
};

/**
 * A request's logger whose pino child is made only when something is logged at an enabled
 * level. Fastify makes a child logger per request (its id, our tenant…): at the production
 * level (`info` request lines off under `warn`) most requests log nothing, and a pino child
 * per request was a measurable part of the request path.
 */
export class LazyRequestLogger {
  private real: PinoLike | undefined;

  constructor(
    private readonly parent: PinoLike,
    /** This logger's own object (Fastify's per-request bindings, or a copy): `bind` adds to it. */
    private readonly ownBindings: Bindings,
    private readonly options: ChildOptions,
  ) {}

  get level(): string {
    return this.parent.level;
  }

  set level(level: string) {
    this.logger().level = level;
  }

  isLevelEnabled(level: string): boolean {
    return (this.real ?? this.parent).isLevelEnabled(level);
  }

  bindings(): Bindings {
    return this.real ? this.real.bindings() : { ...this.parent.bindings(), ...this.ownBindings };
  }

  child(bindings: Bindings, options?: ChildOptions): FastifyBaseLogger {
    if (this.real) return this.real.child(bindings, options);
    return lazyChild(this.parent, { ...this.ownBindings, ...bindings }, options ?? this.options);
  }

  /**
   * Adds bindings to this logger itself while no pino child exists yet (false once one does):
   * what `child` would give, without a second logger object per request.
   */
  bind(bindings: Bindings): boolean {
    if (this.real) return false;
    Object.assign(this.ownBindings, bindings);
    return true;
  }

  silent(): void {}
  fatal(...args: unknown[]): void {
    this.write('fatal', args);
  }
  error(...args: unknown[]): void {
    this.write('error', args);
  }
  warn(...args: unknown[]): void {
    this.write('warn', args);
  }
  info(...args: unknown[]): void {
    this.write('info', args);
  }
  debug(...args: unknown[]): void {
    this.write('debug', args);
  }
  trace(...args: unknown[]): void {
    this.write('trace', args);
  }

  private write(level: Level, args: unknown[]): void {
    if (this.isLevelEnabled(level)) (this.logger()[level] as (...a: unknown[]) => void)(...args);
  }

  private logger(): PinoLike {
    this.real ??= this.parent.child(this.ownBindings, this.options) as PinoLike;
    return this.real;
  }
}

/** A lazy child of `parent`, typed as the logger it stands for. */
export function lazyChild(
  parent: FastifyBaseLogger,
  bindings: Bindings,
  options: ChildOptions,
): FastifyBaseLogger {
  return new LazyRequestLogger(
    parent as PinoLike,
    bindings,
    options,
  ) as unknown as FastifyBaseLogger;
}

/** `log` with `bindings` added: the request's own lazy logger extended in place, or a child. */
export function withBindings(log: FastifyBaseLogger, bindings: Bindings): FastifyBaseLogger {
  return log instanceof LazyRequestLogger && log.bind(bindings) ? log : log.child(bindings);
}
