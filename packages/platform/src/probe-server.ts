import { createServer } from 'node:http';

/** What a probe route answers: a status, its headers, and a body (an object is sent as JSON). */
export interface ProbeAnswer {
  status?: number;
  headers?: Record<string, string>;
  body: string | object;
}

export type ProbeRoutes = Record<string, () => Promise<ProbeAnswer> | ProbeAnswer>;

export interface ProbeServer {
  port: number;
  close(): Promise<void>;
}

/**
 * A few GET (and HEAD) routes on node:http, for the probes and metrics ports: no framework
 * loaded for three routes (Fastify is some 20 MiB of a worker at rest that serves no other
 * HTTP). Any other path or method answers 404.
 */
export async function startProbeServer(
  routes: ProbeRoutes,
  { host, port }: { host: string; port: number },
): Promise<ProbeServer> {
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?', 1)[0]!;
    const route = Object.hasOwn(routes, path) ? routes[path] : undefined;
    const answer: Promise<ProbeAnswer> =
      route && (request.method === 'GET' || request.method === 'HEAD')
        ? Promise.resolve().then(route)
        : Promise.resolve({ status: 404, body: { error: 'not_found', message: 'Not found.' } });
    answer
      .catch((): ProbeAnswer => ({
        status: 500,
        body: { error: 'internal', message: 'Internal error.' },
      }))
      .then(({ status = 200, headers = {}, body }: ProbeAnswer) => {
        const json = typeof body !== 'string';
        const text = json ? JSON.stringify(body) : body;
        response.writeHead(status, {
          'content-type': json ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
          ...headers,
          'content-length': Buffer.byteLength(text),
        });
        response.end(request.method === 'HEAD' ? undefined : text);
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject).listen(port, host, () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      }),
  };
}
