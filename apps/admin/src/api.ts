import type {
  DirectoryRunView,
  DirectorySettingsRequest,
  DirectorySettingsView,
  DirectorySyncRequest,
  DirectoryTestResponse,
  AddHostRequest,
  AdminAccountView,
  AdminLoginRequest,
  AdminLoginResponse,
  AdminUserView,
  AdminView,
  ApiError,
  AuditEventView,
  AuditQuery,
  BrandingAssetKind,
  BrandingAssetView,
  CreateAdminRequest,
  CreateTenantRequest,
  DeliveryListQuery,
  DeliveryView,
  ImportReport,
  OidcClientCreated,
  OidcClientCreateRequest,
  OidcClientUpdateRequest,
  OidcClientView,
  Page,
  PasswordPolicyTestRequest,
  ScimTokenCreated,
  ScimTokenCreateRequest,
  ScimTokenList,
  ScimTokenView,
  PasswordPolicyTestResponse,
  SendResetResponse,
  SmtpSettingsRequest,
  SmtpSettingsView,
  SmtpTestRequest,
  SmtpTestResponse,
  TemplatePreviewResponse,
  TemplateListItem,
  TemplateSource,
  TemplateView,
  TenantDetail,
  TenantSettingsPatch,
  TenantSummary,
  TotpEnabledResponse,
  TotpSetupResponse,
  UpdateAdminRequest,
  UpdateTenantRequest,
  UserListQuery,
  UsernameRuleTestRequest,
  UsernameRuleTestResponse,
} from '@guichet/types';

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

export type UserAction = 'disable' | 'enable' | 'unlock';

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

const seg = encodeURIComponent;

/** Typed client of the admin API (same origin: served by the API, or proxied by Vite in dev). */
export class ApiClient {
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: ApiClientOptions) {
    this.fetchImpl = options.fetch ?? window.fetch.bind(window);
  }

  // Session and own account
  login(body: AdminLoginRequest, signal?: AbortSignal): Promise<AdminLoginResponse> {
    return this.json('POST', '/auth/login', { body, signal, auth: false });
  }
  me(signal?: AbortSignal): Promise<AdminView> {
    return this.json('GET', '/me', { signal });
  }
  totpSetup(): Promise<TotpSetupResponse> {
    return this.json('POST', '/me/totp/setup', { body: {} });
  }
  /** The second factor on: every earlier token has ended, the reply carries this session's new one. */
  totpEnable(code: string): Promise<TotpEnabledResponse> {
    return this.json('POST', '/me/totp/enable', { body: { code } });
  }
  totpDisable(code: string): Promise<AdminView> {
    return this.json('POST', '/me/totp/disable', { body: { code } });
  }

  // Administrators (platform admins)
  admins(signal?: AbortSignal): Promise<AdminAccountView[]> {
    return this.json('GET', '/admins', { signal });
  }
  createAdmin(body: CreateAdminRequest): Promise<AdminAccountView> {
    return this.json('POST', '/admins', { body });
  }
  updateAdmin(id: string, body: UpdateAdminRequest): Promise<AdminAccountView> {
    return this.json('PATCH', `/admins/${seg(id)}`, { body });
  }

  // Tenants
  tenants(signal?: AbortSignal): Promise<TenantSummary[]> {
    return this.json('GET', '/tenants', { signal });
  }
  createTenant(body: CreateTenantRequest): Promise<TenantDetail> {
    return this.json('POST', '/tenants', { body });
  }
  tenant(tenantId: string, signal?: AbortSignal): Promise<TenantDetail> {
    return this.json('GET', `/tenants/${seg(tenantId)}`, { signal });
  }
  updateTenant(tenantId: string, body: UpdateTenantRequest): Promise<TenantDetail> {
    return this.json('PATCH', `/tenants/${seg(tenantId)}`, { body });
  }
  addHost(tenantId: string, hostName: AddHostRequest['hostName']): Promise<TenantDetail> {
    return this.json('POST', `/tenants/${seg(tenantId)}/hosts`, { body: { hostName } });
  }
  removeHost(tenantId: string, hostName: string): Promise<TenantDetail> {
    return this.json('DELETE', `/tenants/${seg(tenantId)}/hosts/${seg(hostName)}`, {});
  }
  updateSettings(tenantId: string, patch: TenantSettingsPatch): Promise<TenantDetail> {
    return this.json('PATCH', `/tenants/${seg(tenantId)}/settings`, { body: patch });
  }
  /** The file as the body; the API tells PNG, JPEG and SVG from its bytes. */
  uploadBrandingAsset(
    tenantId: string,
    kind: BrandingAssetKind,
    file: Blob,
  ): Promise<BrandingAssetView> {
    return this.json('PUT', `/tenants/${seg(tenantId)}/branding/${seg(kind)}`, {
      body: file,
      contentType: file.type.startsWith('image/') ? file.type : 'application/octet-stream',
    });
  }
  removeBrandingAsset(tenantId: string, kind: BrandingAssetKind): Promise<void> {
    return this.json('DELETE', `/tenants/${seg(tenantId)}/branding/${seg(kind)}`, {});
  }
  /** The stored (sanitised) image, for a preview (a bearer-token download, so fetched here). */
  async brandingAsset(
    tenantId: string,
    kind: BrandingAssetKind,
    signal?: AbortSignal,
  ): Promise<Blob> {
    const response = await this.send('GET', `/tenants/${seg(tenantId)}/branding/${seg(kind)}`, {
      accept: 'image/*',
      signal,
    });
    return response.blob();
  }
  testUsernameRule(
    tenantId: string,
    body: UsernameRuleTestRequest,
    signal?: AbortSignal,
  ): Promise<UsernameRuleTestResponse> {
    return this.json('POST', `/tenants/${seg(tenantId)}/username-rule/test`, { body, signal });
  }
  testPasswordPolicy(
    tenantId: string,
    body: PasswordPolicyTestRequest,
    signal?: AbortSignal,
  ): Promise<PasswordPolicyTestResponse> {
    return this.json('POST', `/tenants/${seg(tenantId)}/password-policy/test`, { body, signal });
  }

  // SMTP
  smtp(tenantId: string, signal?: AbortSignal): Promise<SmtpSettingsView> {
    return this.json('GET', `/tenants/${seg(tenantId)}/smtp`, { signal });
  }
  putSmtp(tenantId: string, body: SmtpSettingsRequest): Promise<SmtpSettingsView> {
    return this.json('PUT', `/tenants/${seg(tenantId)}/smtp`, { body });
  }
  deleteSmtp(tenantId: string): Promise<SmtpSettingsView> {
    return this.json('DELETE', `/tenants/${seg(tenantId)}/smtp`, {});
  }
  testSmtp(tenantId: string, body: SmtpTestRequest): Promise<SmtpTestResponse> {
    return this.json('POST', `/tenants/${seg(tenantId)}/smtp/test`, { body });
  }

  // Directory (LDAP / Active Directory)
  directory(tenantId: string, signal?: AbortSignal): Promise<DirectorySettingsView> {
    return this.json('GET', `/tenants/${seg(tenantId)}/directory`, { signal });
  }
  putDirectory(tenantId: string, body: DirectorySettingsRequest): Promise<DirectorySettingsView> {
    return this.json('PUT', `/tenants/${seg(tenantId)}/directory`, { body });
  }
  testDirectory(
    tenantId: string,
    body: DirectorySettingsRequest | null,
  ): Promise<DirectoryTestResponse> {
    return this.json('POST', `/tenants/${seg(tenantId)}/directory/test`, { body: body ?? {} });
  }
  syncDirectory(tenantId: string, body: DirectorySyncRequest): Promise<DirectoryRunView> {
    return this.json('POST', `/tenants/${seg(tenantId)}/directory/sync`, { body });
  }
  directoryRuns(tenantId: string, signal?: AbortSignal): Promise<DirectoryRunView[]> {
    return this.json('GET', `/tenants/${seg(tenantId)}/directory/runs`, { signal });
  }
  directoryRun(tenantId: string, runId: string, signal?: AbortSignal): Promise<DirectoryRunView> {
    return this.json('GET', `/tenants/${seg(tenantId)}/directory/runs/${seg(runId)}`, { signal });
  }

  // Templates
  templates(tenantId: string, signal?: AbortSignal): Promise<TemplateListItem[]> {
    return this.json('GET', `/tenants/${seg(tenantId)}/templates`, { signal });
  }
  template(
    tenantId: string,
    kind: string,
    locale: string,
    signal?: AbortSignal,
  ): Promise<TemplateView> {
    return this.json('GET', `/tenants/${seg(tenantId)}/templates/${seg(kind)}/${seg(locale)}`, {
      signal,
    });
  }
  putTemplate(
    tenantId: string,
    kind: string,
    locale: string,
    body: TemplateSource,
  ): Promise<TemplateView> {
    return this.json('PUT', `/tenants/${seg(tenantId)}/templates/${seg(kind)}/${seg(locale)}`, {
      body,
    });
  }
  resetTemplate(tenantId: string, kind: string, locale: string): Promise<TemplateView> {
    return this.json(
      'DELETE',
      `/tenants/${seg(tenantId)}/templates/${seg(kind)}/${seg(locale)}`,
      {},
    );
  }
  previewTemplate(
    tenantId: string,
    kind: string,
    locale: string,
    body: TemplateSource,
    signal?: AbortSignal,
  ): Promise<TemplatePreviewResponse> {
    return this.json(
      'POST',
      `/tenants/${seg(tenantId)}/templates/${seg(kind)}/${seg(locale)}/preview`,
      { body, signal },
    );
  }

  // Accounts
  /** `disableMissing`: a full export (its missing accounts disabled); `dryRun`: the report only. */
  importUsers(
    tenantId: string,
    file: Blob,
    options: { disableMissing?: boolean; allowMassDisable?: boolean; dryRun?: boolean } = {},
  ): Promise<ImportReport> {
    const query = Object.fromEntries(
      Object.entries(options)
        .filter(([, on]) => on)
        .map(([name]) => [name, 'true']),
    );
    return this.json('POST', `/tenants/${seg(tenantId)}/users/import`, {
      body: file,
      contentType: 'text/csv',
      query: query as Query,
    });
  }
  users(
    tenantId: string,
    query: UserListQuery,
    signal?: AbortSignal,
  ): Promise<Page<AdminUserView>> {
    return this.json('GET', `/tenants/${seg(tenantId)}/users`, { query: query as Query, signal });
  }
  userAction(tenantId: string, userId: string, action: UserAction): Promise<AdminUserView> {
    return this.json('POST', `/tenants/${seg(tenantId)}/users/${seg(userId)}/${action}`, {
      body: {},
    });
  }
  sendReset(tenantId: string, userId: string): Promise<SendResetResponse> {
    return this.json('POST', `/tenants/${seg(tenantId)}/users/${seg(userId)}/send-reset`, {
      body: {},
    });
  }

  // Applications (OpenID Connect clients)
  oidcClients(tenantId: string, signal?: AbortSignal): Promise<OidcClientView[]> {
    return this.json('GET', `/tenants/${seg(tenantId)}/oidc-clients`, { signal });
  }
  /** A confidential client's secret is in this answer only. */
  createOidcClient(tenantId: string, body: OidcClientCreateRequest): Promise<OidcClientCreated> {
    return this.json('POST', `/tenants/${seg(tenantId)}/oidc-clients`, { body });
  }
  updateOidcClient(
    tenantId: string,
    clientId: string,
    body: OidcClientUpdateRequest,
  ): Promise<OidcClientView> {
    return this.json('PATCH', `/tenants/${seg(tenantId)}/oidc-clients/${seg(clientId)}`, { body });
  }
  rotateOidcClientSecret(tenantId: string, clientId: string): Promise<OidcClientCreated> {
    return this.json('POST', `/tenants/${seg(tenantId)}/oidc-clients/${seg(clientId)}/secret`, {
      body: {},
    });
  }
  deleteOidcClient(tenantId: string, clientId: string): Promise<void> {
    return this.json('DELETE', `/tenants/${seg(tenantId)}/oidc-clients/${seg(clientId)}`, {});
  }
  scimTokens(tenantId: string, signal?: AbortSignal): Promise<ScimTokenList> {
    return this.json('GET', `/tenants/${seg(tenantId)}/scim-tokens`, { signal });
  }
  /** The token is in this answer only. */
  createScimToken(tenantId: string, body: ScimTokenCreateRequest): Promise<ScimTokenCreated> {
    return this.json('POST', `/tenants/${seg(tenantId)}/scim-tokens`, { body });
  }
  revokeScimToken(tenantId: string, tokenId: string): Promise<ScimTokenView> {
    return this.json('POST', `/tenants/${seg(tenantId)}/scim-tokens/${seg(tokenId)}/revoke`, {
      body: {},
    });
  }

  // Deliveries and audit
  deliveries(
    tenantId: string,
    query: DeliveryListQuery,
    signal?: AbortSignal,
  ): Promise<Page<DeliveryView>> {
    return this.json('GET', `/tenants/${seg(tenantId)}/deliveries`, {
      query: query as Query,
      signal,
    });
  }
  retryDelivery(tenantId: string, deliveryId: string): Promise<DeliveryView> {
    return this.json('POST', `/tenants/${seg(tenantId)}/deliveries/${seg(deliveryId)}/retry`, {
      body: {},
    });
  }
  audit(tenantId: string, query: AuditQuery, signal?: AbortSignal): Promise<Page<AuditEventView>> {
    return this.json('GET', `/tenants/${seg(tenantId)}/audit`, { query: query as Query, signal });
  }
  /** Events of no tenant (platform admins). */
  platformAudit(query: AuditQuery, signal?: AbortSignal): Promise<Page<AuditEventView>> {
    return this.json('GET', '/audit', { query: query as Query, signal });
  }
  async platformAuditCsv(query: AuditQuery): Promise<Blob> {
    const response = await this.send('GET', '/audit.csv', {
      query: query as Query,
      accept: 'text/csv',
    });
    return response.blob();
  }
  /** The audit log as CSV (a bearer-token download, so fetched here rather than linked). */
  async auditCsv(tenantId: string, query: AuditQuery): Promise<Blob> {
    const response = await this.send('GET', `/tenants/${seg(tenantId)}/audit.csv`, {
      query: query as Query,
      accept: 'text/csv',
    });
    return response.blob();
  }

  private async json<T>(method: string, path: string, options: RequestOptions): Promise<T> {
    const response = await this.send(method, path, { ...options, accept: 'application/json' });
    const text = await response.text();
    if (!text) return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      return undefined as T;
    }
  }

  private async send(
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
