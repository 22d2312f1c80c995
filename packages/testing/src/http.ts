import http from 'node:http';

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The body as received (images). */
  bytes: Buffer;
  json<T = unknown>(): T;
  /** Every Set-Cookie header, parsed. */
  cookies: { name: string; value: string; attributes: Record<string, string | true> }[];
}

export interface HttpRequest {
  method?: string;
  path: string;
  /** Sent as the Host header (Node's fetch does not allow setting it). */
  host?: string;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string or a Buffer as is. */
  body?: unknown;
  timeoutMs?: number;
}

function parseCookie(header: string) {
  const [pair, ...attrs] = header.split(';').map((s) => s.trim());
  const eq = pair!.indexOf('=');
  const attributes: Record<string, string | true> = {};
  for (const a of attrs) {
    const i = a.indexOf('=');
    attributes[(i === -1 ? a : a.slice(0, i)).toLowerCase()] = i === -1 ? true : a.slice(i + 1);
  }
  return { name: pair!.slice(0, eq), value: pair!.slice(eq + 1), attributes };
}

/** One HTTP request to 127.0.0.1:port with any Host header. */
export function httpRequest(port: number, req: HttpRequest): Promise<HttpResponse> {
  const headers: Record<string, string> = { ...(req.headers ?? {}) };
  let payload: string | Buffer | undefined;
  if (req.body !== undefined) {
    const raw = typeof req.body === 'string' || Buffer.isBuffer(req.body);
    payload = raw ? (req.body as string | Buffer) : JSON.stringify(req.body);
    if (!raw && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
      headers['content-type'] = 'application/json';
    }
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  if (req.host !== undefined) headers.host = req.host;
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method: req.method ?? (payload ? 'POST' : 'GET'),
        path: req.path,
        headers,
        timeout: req.timeoutMs ?? 15_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const bytes = Buffer.concat(chunks);
          const body = bytes.toString('utf8');
          const setCookie = res.headers['set-cookie'] ?? [];
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            bytes,
            json: <T>() => JSON.parse(body) as T,
            cookies: setCookie.map(parseCookie),
          });
        });
        res.on('error', reject);
      },
    );
    request.on('timeout', () =>
      request.destroy(
        new Error(
          `${req.method ?? 'GET'} ${req.path}: no answer within ${req.timeoutMs ?? 15_000} ms`,
        ),
      ),
    );
    request.on('error', reject);
    request.end(payload);
  });
}
