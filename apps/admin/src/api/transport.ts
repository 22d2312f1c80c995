import type { ApiError } from '@guichet/types';

const API_PREFIX = '/api/v1/admin';

/** A failed call: the HTTP status (0 when the server could not be reached) and the API's error body. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError,
  ) {
    super(body.message);
    this.name = 'ApiRequestError';
  }
}

export interface ApiClientOptions {
  /** The bearer token to send, if signed in. */
  getToken: () => string | null;
  /** Called when the API refuses the token (expired, revoked): the app drops the session. */
  onUnauthorized: () => void;
  /** The UI language: the API words its messages (tests of rules, warnings) in it. */
  getLocale?: () => string;
  fetch?: typeof fetch;
}

interface RequestOptions {
  /** JSON-encoded unless it is a Blob (sent as is, with `contentType`). */
  body?: unknown;
  contentType?: string;
  query?: Query;
  signal?: AbortSignal;
  /** Send the bearer token (default true). */
  auth?: boolean;
}

/** Query-string values; empty ones are left out. */
export type Query = Record<string, string | number | undefined | null>;

function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ApiError).error === 'string' &&
    typeof (value as ApiError).message === 'string'
  );
}

export function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

export const seg = encodeURIComponent;

/** The admin API's HTTP: bearer token, `Accept-Language`, JSON or raw bodies, errors as `ApiRequestError`. */
export class ApiTransport {
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: ApiClientOptions) {
    this.fetchImpl = options.fetch ?? window.fetch.bind(window);
  }

  protected async json<T>(method: string, path: string, options: RequestOptions): Promise<T> {
    const response = await this.send(method, path, { ...options, accept: 'application/json' });
    const text = await response.text();
    if (!text) return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      return undefined as T;
    }
  }

  protected async send(
    method: string,
    path: string,
    options: RequestOptions & { accept: string },
  ): Promise<Response> {
    const { body, signal, auth = true, query, contentType, accept } = options;
    const headers: Record<string, string> = { accept };
    const locale = this.options.getLocale?.();
    if (locale) headers['accept-language'] = locale;
    let payload: BodyInit | undefined;
    if (body instanceof Blob) {
      payload = body;
      headers['content-type'] = contentType ?? (body.type || 'application/octet-stream');
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    const token = auth ? this.options.getToken() : null;
    if (token) headers.authorization = `Bearer ${token}`;

    let response: Response;
    try {
      response = await this.fetchImpl(`${API_PREFIX}${path}${queryString(query)}`, {
        method,
        headers,
        body: payload,
        signal,
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiRequestError(0, { error: 'network_error', message: String(error) });
    }

    if (!response.ok) {
      const text = await response.text().catch(() => '');
      let data: unknown;
      try {
        data = text ? JSON.parse(text) : undefined;
      } catch {
        data = undefined;
      }
      if (response.status === 401 && token) this.options.onUnauthorized();
      throw new ApiRequestError(
        response.status,
        isApiError(data)
          ? data
          : {
              error: `http_${response.status}`,
              message: response.statusText || `HTTP ${response.status}`,
            },
      );
    }
    return response;
  }
}

/** What a resource's methods are mixed into (a mixin's constructor takes any arguments). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the form TypeScript asks of a mixin's base
export type TransportClass = new (...args: any[]) => ApiTransport;
