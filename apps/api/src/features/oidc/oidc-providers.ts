import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UsersRepository } from '@guichet/db';
import { BoundedCache, Encryptor, hashToken } from '@guichet/platform';
import type { default as Provider, Configuration, KoaContextWithOIDC } from 'oidc-provider';
import type { DataSource } from 'typeorm';
import { cookieNames, clearedCookie } from '../auth/session-cookies.js';
import { Sessions } from '../auth/sessions.js';
import { type AppConfig, CONFIG } from '../../platform/config/config.js';
import { TenantCache } from '../../platform/tenancy/tenant-cache.service.js';
import type { TenantContext } from '../../platform/tenancy/tenant-context.js';
import { findOidcAccount, OIDC_CLAIMS } from './oidc-accounts.js';
import { tenantAdapter } from './oidc-adapter.js';
import { providerFetch } from './oidc-fetch.js';
import { OidcClientStore } from './oidc-client-store.js';
import {
  localeOf,
  logoutPage,
  messagePage,
  oidcPage,
  oidcPageCsp,
  originsOf,
} from './oidc-pages.js';
import { OidcPayloadStore } from './oidc-payload-store.js';
import { OidcPrefetch } from './oidc-prefetch.js';
import { INTERACTION_PREFIX, OIDC_ROUTES } from './oidc-routes.js';
import { OidcSigningKeys } from './oidc-signing-keys.js';

/** Issuers kept in memory; one more is built (keys decrypted) on the next request of its tenant. */
const MAX_PROVIDERS = 200;
const INTERACTION_SECONDS = 600;
/** The issuer's own session cookie (oidc-provider's; the `.sig` one beside it signs it). */
export const OIDC_SESSION_COOKIE = 'guichet_oidc_session';

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

interface CachedProvider {
  version: number;
  publicUrl: string;
  provider: Promise<{ provider: Provider; handle: Handler }>;
}

/**
 * One OpenID provider (panva's oidc-provider, certified) per tenant, whose issuer is the
 * tenant's public base URL. Built on the first request of the tenant and kept in a bounded
 * cache; dropped when the tenant changes (TenantCache's change notices, also published when
 * its signing keys rotate).
 */
@Injectable()
export class OidcProviders implements OnModuleInit {
  private readonly logger = new Logger(OidcProviders.name);
  private readonly cache = new BoundedCache<string, CachedProvider>({ max: MAX_PROVIDERS });
  readonly payloads: OidcPayloadStore;
  readonly clients: OidcClientStore;
  readonly keys: OidcSigningKeys;
  private readonly cookieSecret: Buffer;
  private readonly portalSessionCookie: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tenants: TenantCache,
    @Inject(CONFIG) private readonly config: AppConfig,
    private readonly sessions: Sessions,
    encryptor: Encryptor,
  ) {
    this.payloads = new OidcPayloadStore(dataSource);
    this.clients = new OidcClientStore(dataSource);
    this.keys = new OidcSigningKeys(dataSource, encryptor);
    // Signs the provider's cookies; shared by every API process that shares the data key.
    this.cookieSecret = config.DATA_ENCRYPTION_KEY
      ? Buffer.from(config.DATA_ENCRYPTION_KEY, 'base64')
      : randomBytes(32);
    this.portalSessionCookie = cookieNames(config.secureCookies).session;
  }

  onModuleInit(): void {
    this.tenants.onChange((tenantId) => this.drop(tenantId));
  }

  drop(tenantId: string): void {
    this.cache.delete(tenantId);
  }

  async get(tenant: TenantContext): Promise<Provider> {
    return (await this.entry(tenant)).provider;
  }

  /**
   * Ends the issuer's session of a browser (the value of its session cookie, the session's id:
   * knowing it is holding it), so the next authorization request asks for a sign-in again.
   */
  async endSession(tenant: TenantContext, sessionId: unknown): Promise<void> {
    if (typeof sessionId !== 'string' || !/^[\w-]{10,64}$/.test(sessionId)) return;
    const provider = await this.get(tenant);
    const session = await provider.Session.find(sessionId);
    await session?.destroy();
  }

  /** The provider's request handler (its Koa app's callback). */
  async handler(tenant: TenantContext): Promise<Handler> {
    return (await this.entry(tenant)).handle;
  }

  private entry(tenant: TenantContext): Promise<{ provider: Provider; handle: Handler }> {
    const hit = this.cache.get(tenant.id);
    if (hit && hit.version === tenant.version && hit.publicUrl === tenant.publicUrl)
      return hit.provider;
    const built = this.build(tenant).then((provider) => ({
      provider,
      handle: provider.callback() as unknown as Handler,
    }));
    built.catch(() => this.cache.delete(tenant.id));
    this.cache.set(tenant.id, {
      version: tenant.version,
      publicUrl: tenant.publicUrl,
      provider: built,
    });
    return built;
  }

  private async build(tenant: TenantContext): Promise<Provider> {
    // Loaded on the first OIDC request, not at start: oidc-provider and koa are some 30 MiB
    // of a process at rest that may never serve an issuer.
    const { default: Provider } = await import('oidc-provider');
    const keys = await this.keys.keysFor(tenant.id);
    const lifetime = tenant.settings.tokenLifetimes.refreshDays * 86_400;
    const cookieKey = createHmac('sha256', this.cookieSecret)
      .update(`oidc-cookies:${tenant.id}`)
      .digest('base64url');
    const pageOf = (ctx: KoaContextWithOIDC, path: string) =>
      oidcPage(
        tenant,
        localeOf(tenant, {
          query: ctx.query,
          headers: ctx.headers,
          cookie: (name) => ctx.cookies.get(name),
        }),
        path,
      );

    // As the portal's cookies (session-cookies.ts): in a Teams tab the issuer is framed too. Only when
    // the issuer itself is on HTTPS: a Secure cookie cannot be set over HTTP.
    const embeddable =
      this.config.secureCookies &&
      tenant.settings.features.teamsTab &&
      tenant.publicUrl.startsWith('https:');
    const cookieOptions = embeddable
      ? { httpOnly: true, secure: true, sameSite: 'none' as const, partitioned: true }
      : { httpOnly: true, sameSite: 'lax' as const };

    const prefetch = new OidcPrefetch(() => Provider.ctx);
    const users = new UsersRepository(this.dataSource);
    const configuration: Configuration = {
      adapter: tenantAdapter(tenant.id, this.payloads, this.clients, prefetch),
      findAccount: (_ctx, sub) =>
        findOidcAccount(users, tenant.id, tenant.settings.defaultLocale, sub, prefetch),
      jwks: { keys },
      claims: OIDC_CLAIMS,
      scopes: ['openid', 'offline_access', 'profile', 'email'],
      responseTypes: ['code'],
      clientAuthMethods: ['client_secret_basic', 'client_secret_post', 'none'],
      clientDefaults: {
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        id_token_signed_response_alg: 'RS256',
        token_endpoint_auth_method: 'client_secret_basic',
      },
      // Public clients must use PKCE; a confidential one that sends a challenge has it checked.
      pkce: { required: (_ctx, client) => client.clientAuthMethod === 'none' },
      routes: OIDC_ROUTES,
      interactions: { url: (_ctx, interaction) => `${INTERACTION_PREFIX}${interaction.uid}` },
      cookies: {
        keys: [cookieKey],
        names: {
          session: OIDC_SESSION_COOKIE,
          interaction: 'guichet_oidc_interaction',
          resume: 'guichet_oidc_resume',
        },
        long: cookieOptions,
        short: cookieOptions,
      },
      features: {
        devInteractions: { enabled: false },
        // A client learns about, and ends, only the tokens issued to it: applications of one
        // tenant do not see each other's users through these endpoints.
        revocation: {
          enabled: true,
          allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId,
        },
        introspection: {
          enabled: true,
          allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId,
        },
        // Logout tokens to the clients that registered a back-channel URI, at RP-initiated
        // logout here and (BackchannelLogouts) whenever a person's grants end elsewhere.
        backchannelLogout: { enabled: true },
        pushedAuthorizationRequests: { enabled: false },
        resourceIndicators: { enabled: false },
        rpInitiatedLogout: {
          enabled: true,
          logoutSource: (ctx, form) => {
            ctx.set(
              'content-security-policy',
              oidcPageCsp(originsOf(ctx.oidc.params?.post_logout_redirect_uri)),
            );
            ctx.type = 'html';
            ctx.body = logoutPage(pageOf(ctx, OIDC_ROUTES.end_session), form);
          },
          postLogoutSuccessSource: (ctx) => {
            ctx.redirect('/login?notice=signed-out');
          },
        },
      },
      fetch: providerFetch(this.config.NODE_ENV === 'production'),
      rotateRefreshToken: true,
      ttl: {
        AccessToken: tenant.settings.tokenLifetimes.accessMinutes * 60,
        AuthorizationCode: 60,
        IdToken: 3600,
        Interaction: INTERACTION_SECONDS,
        Session: lifetime,
        Grant: lifetime,
        RefreshToken: lifetime,
      },
      renderError: (ctx, _out, error) => {
        ctx.set('content-security-policy', oidcPageCsp());
        ctx.type = 'html';
        const page = pageOf(ctx, '/login');
        const expired = error.name === 'SessionNotFound';
        ctx.body = expired
          ? messagePage(page, 'oidc.expired.title', 'oidc.expired.body')
          : messagePage(page, 'oidc.error.title', 'oidc.error.body');
      },
    };

    const provider = new Provider(tenant.publicUrl, configuration);
    // Its origin headers are set by oidc-mount.ts from the tenant's public URL, never by the client.
    provider.proxy = true;
    // Stored secrets are SHA-256 hashes (hex): compare the hash of what the client sent.
    provider.Client.prototype.compareClientSecret = function compareHashed(
      this: { clientSecret?: string },
      actual: string,
    ) {
      const stored = Buffer.from(this.clientSecret ?? '', 'hex');
      const given = hashToken(String(actual));
      return stored.length === given.length && timingSafeEqual(stored, given);
    };
    provider.use(async (ctx, next) => {
      const portalToken = ctx.cookies.get(this.portalSessionCookie);
      await next();
      // Signing out at the issuer (RP-initiated logout, confirmed) ends the portal session too.
      if (
        ctx.oidc?.route === 'end_session_confirm' &&
        (ctx.oidc.body as Record<string, unknown> | undefined)?.logout &&
        portalToken
      ) {
        await this.sessions.revokeByToken(tenant.id, portalToken);
        const cleared = clearedCookie(
          this.config.secureCookies,
          this.portalSessionCookie,
          tenant.settings.features.teamsTab,
        );
        ctx.cookies.set(cleared.name, '', { ...cleared.options, overwrite: true, signed: false });
      }
    });
    provider.on('backchannel.error', (_ctx, error: Error, client: { clientId: string }) =>
      this.logger.warn(
        `oidc ${tenant.slug}: back-channel logout to ${client.clientId}: ${error.message}`,
      ),
    );
    // The admin app shows each client's last use: a token issued (code or refresh grant).
    provider.on('grant.success', (ctx: KoaContextWithOIDC) => {
      const clientId = ctx.oidc.client?.clientId;
      if (clientId)
        this.clients
          .markUsed(tenant.id, clientId)
          .catch((error: Error) =>
            this.logger.warn(`oidc ${tenant.slug}: last use of ${clientId}: ${error.message}`),
          );
    });
    provider.on('server_error', (_ctx, error: Error) =>
      this.logger.error(`oidc ${tenant.slug}: ${error.message}`, error.stack),
    );
    return provider;
  }
}
