import http from 'node:http';
import type { HttpResponse } from '@guichet/testing';

/** The `name=value` Cookie header of the cookies a response set (cleared ones left out). */
export function cookieHeader(...responses: HttpResponse[]): string {
  const jar = new Map<string, string>();
  for (const res of responses) {
    for (const c of res.cookies) {
      if (c.value === '' || c.attributes['max-age'] === '0') jar.delete(c.name);
      else jar.set(c.name, c.value);
    }
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/** A request whose body is raw bytes (the shared client sends strings as UTF-8). */
export function rawRequest(
  port: number,
  req: {
    host: string;
    method?: string;
    path: string;
    headers?: Record<string, string>;
    body: Buffer;
  },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method: req.method ?? 'POST',
        path: req.path,
        headers: { ...req.headers, host: req.host, 'content-length': String(req.body.length) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(req.body);
  });
}
