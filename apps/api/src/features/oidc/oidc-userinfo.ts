import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OidcPayloadData, OidcTokenRelated } from '@guichet/db';
import { Counter, type Registry } from 'prom-client';
import type { TenantContext } from '../../platform/tenancy/tenant-context.js';
import { accountClaims, OIDC_CLAIMS } from './oidc-accounts.js';
import type { OidcPayloadStore } from './oidc-payload-store.js';
import { OIDC_ROUTES } from './oidc-routes.js';

type Payload = OidcPayloadData & Record<string, unknown>;

const BEARER = /^bearer ([A-Za-z0-9_-]{1,200})$/i;
/** Seconds of life a token, its grant and its session must have left: closer to the end, the provider decides. */
const MARGIN = 5;
/** What oidc-provider would read and check that an opaque token of ours never holds: any of them, the provider decides. */
const UNUSUAL_TOKEN_KEYS = [
  'aud',
  'iss',
  'sub',
  'azp',
  'nbf',
  'jkt',
  'x5t#S256',
  'claims',
  'rar',
  'consumed',
  'jwt',
  'jwt-ietf',
  'paseto',
];

const now = () => Math.floor(Date.now() / 1000);
const live = (p: Payload) => typeof p.exp === 'number' && p.exp > now() + MARGIN;
const has = (o: object, k: string) => Object.hasOwn(o, k) && o[k as keyof typeof o] !== undefined;

/**
 * Userinfo (GET, or POST without a body, of /oidc/me with `Authorization: Bearer`) answered
 * without entering oidc-provider, for the one case that is nearly every request: a live
 * opaque bearer token with the openid scope, its session, grant, client and active account
 * found in the same statement the provider's adapter reads (`findWithRelated`), no Origin
 * (client-based CORS), no DPoP, no query or body (scope, access_token). The answer is the
 * provider's own, byte for byte (status, headers in order, claims by the grant's scopes);
 * anything else (an error to report, a token near its end, a grant with rejected claims, a
 * database failure) is left to the provider, which reads and decides as before.
 */
export class OidcUserinfo {
  private readonly answered?: Counter;

  constructor(
    private readonly payloads: OidcPayloadStore,
    readonly enabled: boolean,
    registry?: Registry,
  ) {
    this.answered = registry
      ? new Counter({
          name: 'guichet_oidc_userinfo_fast_total',
          help: 'Userinfo requests answered without entering oidc-provider',
          registers: [registry],
        })
      : undefined;
  }

  /** True when it answered (the response is sent); false: hand the request to the provider. */
  async answer(tenant: TenantContext, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    if (!this.enabled) return false;
    const token = eligibleToken(req);
    if (!token) return false;
    let body: string | undefined;
    try {
      const found = await this.payloads.findWithRelated(tenant.id, 'AccessToken', token);
      body = found && claimsOf(token, found.payload as Payload, found.related, tenant);
    } catch {
      return false;
    }
    if (body === undefined) return false;
    // The headers of the provider's answer, in its order (its CORS and no-cache middleware, then Koa).
    res.statusCode = 200;
    res.setHeader('Vary', 'Origin');
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Expose-Headers', 'WWW-Authenticate');
    res.setHeader('cache-control', 'no-store');
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Length', Buffer.byteLength(body));
    res.end(body);
    this.answered?.inc();
    return true;
  }
}

/** The bearer token of a request the fast path may answer, or undefined. */
function eligibleToken(req: IncomingMessage): string | undefined {
  if (req.url !== OIDC_ROUTES.userinfo) return undefined;
  const h = req.headers;
  if (h.origin !== undefined || h.dpop !== undefined || h['transfer-encoding'] !== undefined)
    return undefined;
  if (req.method === 'GET') {
    if (h['content-type'] !== undefined || (h['content-length'] ?? '0') !== '0') return undefined;
  } else if (req.method === 'POST') {
    if (h['content-type'] !== 'application/x-www-form-urlencoded' || h['content-length'] !== '0')
      return undefined;
  } else return undefined;
  return typeof h.authorization === 'string' ? BEARER.exec(h.authorization)?.[1] : undefined;
}

/** The provider's userinfo body for a token it would accept, or undefined when it must decide. */
function claimsOf(
  token: string,
  at: Payload,
  related: OidcTokenRelated,
  tenant: TenantContext,
): string | undefined {
  const grant = related.grant as Payload | null;
  const { client, account } = related;
  if (at.kind !== 'AccessToken' || at.jti !== token || !live(at)) return undefined;
  if (UNUSUAL_TOKEN_KEYS.some((k) => has(at, k)) || (has(at, 'format') && at.format !== 'opaque'))
    return undefined;
  if (at.iat !== undefined && typeof at.iat !== 'number') return undefined;
  if (typeof at.scope !== 'string' || !at.scope.split(' ').includes('openid')) return undefined;
  if (!client || client.clientId !== at.clientId) return undefined;
  if (!account || account.id !== at.accountId) return undefined;
  if (!grant || grant.kind !== 'Grant' || grant.jti !== at.grantId || !live(grant))
    return undefined;
  if (grant.clientId !== at.clientId || grant.accountId !== at.accountId) return undefined;
  if (has(grant, 'rejected') || has(grant, 'consumed')) return undefined;
  const granted = (grant.openid as { scope?: unknown } | undefined)?.scope;
  if (typeof granted !== 'string' || !granted) return undefined;
  if (at.expiresWithSession) {
    const session = related.session as Payload | null;
    if (!session || session.kind !== 'Session' || session.uid !== at.sessionUid) return undefined;
    if (!live(session) || has(session, 'consumed') || session.accountId !== at.accountId)
      return undefined;
    const authorizations = session.authorizations as
      Record<string, { grantId?: unknown }> | undefined;
    const authorization =
      authorizations && Object.hasOwn(authorizations, at.clientId as string)
        ? authorizations[at.clientId as string]
        : undefined;
    if (authorization?.grantId !== at.grantId) return undefined;
  }
  // The provider's Claims: the grant's OIDC scopes the token holds, each scope's claims in order.
  const scopes = new Set(at.scope.split(' '));
  const names: string[] = [];
  for (const scope of granted.split(' ')) {
    if (!scopes.has(scope) || !Object.hasOwn(OIDC_CLAIMS, scope)) continue;
    for (const name of OIDC_CLAIMS[scope as keyof typeof OIDC_CLAIMS])
      if (!names.includes(name)) names.push(name);
  }
  const available: Record<string, unknown> = accountClaims(account, tenant.settings.defaultLocale);
  const body: Record<string, unknown> = {};
  for (const name of names) if (Object.hasOwn(available, name)) body[name] = available[name];
  return JSON.stringify(body);
}
