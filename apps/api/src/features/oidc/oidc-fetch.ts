const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

function isLoopback(input: string | URL | Request): boolean {
  try {
    return LOOPBACK.has(
      new URL(typeof input === 'string' || input instanceof URL ? input : input.url).hostname,
    );
  } catch {
    return false;
  }
}

/**
 * oidc-provider's outgoing requests (back-channel logout tokens). It hands each one a
 * dispatcher that refuses special-use addresses (SSRF protection). Outside production, the
 * loopback names a client's URIs may use there (a developer's application, the tests) are
 * let through; in production the protection stays whole.
 */
export function providerFetch(
  production: boolean,
): (input: string | URL | Request, init?: RequestInit) => Promise<Response> {
  return (input, init) => {
    if (production || !init || !isLoopback(input)) return globalThis.fetch(input, init);
    const { dispatcher: _ssrfGuard, ...rest } = init as RequestInit & { dispatcher?: unknown };
    return globalThis.fetch(input, rest);
  };
}
