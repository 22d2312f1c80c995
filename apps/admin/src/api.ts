import type { AdminLoginRequest, AdminLoginResponse, AdminView, ApiError, TenantSummary } from '@guichet/types';

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
  fetch?: typeof fetch;
}

interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
  /** Send the bearer token (default true). */
  auth?: boolean;
}

function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ApiError).error === 'string' &&
    typeof (value as ApiError).message === 'string'
  );
}

/** Typed client of the admin API (same origin: served by the API, or proxied by Vite in dev). */
export class ApiClient {
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: ApiClientOptions) {
    this.fetchImpl = options.fetch ?? window.fetch.bind(window);
  }

  login(body: AdminLoginRequest, signal?: AbortSignal): Promise<AdminLoginResponse> {
    return this.request<AdminLoginResponse>('POST', '/auth/login', { body, signal, auth: false });
  }

  me(signal?: AbortSignal): Promise<AdminView> {
    return this.request<AdminView>('GET', '/me', { signal });
  }

  tenants(signal?: AbortSignal): Promise<TenantSummary[]> {
    return this.request<TenantSummary[]>('GET', '/tenants', { signal });
  }

  private async request<T>(method: string, path: string, { body, signal, auth = true }: RequestOptions): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const token = auth ? this.options.getToken() : null;
    if (token) headers.authorization = `Bearer ${token}`;

    let response: Response;
    try {
      response = await this.fetchImpl(`${API_PREFIX}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiRequestError(0, { error: 'network_error', message: String(error) });
    }

    const text = await response.text();
    let data: unknown = undefined;
    if (text) {
      try {
        data = JSON.parse(text);
      } catch {
        data = undefined;
      }
    }

    if (!response.ok) {
      if (response.status === 401 && token) this.options.onUnauthorized();
      throw new ApiRequestError(
        response.status,
        isApiError(data) ? data : { error: `http_${response.status}`, message: response.statusText || `HTTP ${response.status}` },
      );
    }
    return data as T;
  }
}
