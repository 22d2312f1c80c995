import type { OidcPayloadData, OidcTokenRelated } from '@guichet/db';
import type { OidcClientRecord } from './oidc-client-store.js';

type Account = NonNullable<OidcTokenRelated['account']>;

interface Prefetched {
  grant?: [string, OidcPayloadData];
  session?: [string, OidcPayloadData];
  client?: [string, OidcClientRecord];
  account?: [string, Account];
}

/**
 * What an access token points to (its grant, session, client and account), read in the
 * same statement as the token (`OidcPayloadsRepository.findWithRelated`) and handed to the
 * provider's next lookup of each within the same request (the provider's request context,
 * `Provider.ctx`), once: userinfo costs one round trip instead of five. A lookup of another
 * request, or a second lookup, reads the database as before; what a request uses is the
 * state of its own token read, a moment earlier, so a revocation or a disabled account is
 * seen exactly as it was without it.
 */
export class OidcPrefetch {
  private readonly byRequest = new WeakMap<object, Prefetched>();

  /** `currentContext`: the provider's request context (`Provider.ctx`, of the lazily loaded module). */
  constructor(private readonly currentContext: () => object | undefined) {}

  keep(related: OidcTokenRelated, token: OidcPayloadData): void {
    const ctx = this.currentContext();
    if (!ctx) return;
    const entry: Prefetched = {};
    const id = (v: unknown) => (typeof v === 'string' ? v : null);
    const grantId = id(token.grantId);
    const sessionUid = id(token.sessionUid);
    const clientId = id(token.clientId);
    const accountId = id(token.accountId);
    if (related.grant && grantId) entry.grant = [grantId, related.grant];
    if (related.session && sessionUid) entry.session = [sessionUid, related.session];
    if (related.client && clientId) entry.client = [clientId, related.client];
    if (related.account && accountId) entry.account = [accountId, related.account];
    this.byRequest.set(ctx, entry);
  }

  grant(id: string): OidcPayloadData | undefined {
    return this.take('grant', id);
  }

  session(uid: string): OidcPayloadData | undefined {
    return this.take('session', uid);
  }

  client(id: string): OidcClientRecord | undefined {
    return this.take('client', id);
  }

  account(id: string): Account | undefined {
    return this.take('account', id);
  }

  private take<K extends keyof Prefetched>(
    kind: K,
    key: string,
  ): NonNullable<Prefetched[K]>[1] | undefined {
    const ctx = this.currentContext();
    const entry = ctx && this.byRequest.get(ctx);
    const found = entry?.[kind];
    if (!found || found[0] !== key) return undefined;
    delete entry[kind];
    return found[1] as NonNullable<Prefetched[K]>[1];
  }
}
