/** Where the provider's endpoints live on a tenant host (discovery is fixed by the spec). */
export const OIDC_ROUTES = {
  authorization: '/oidc/auth',
  token: '/oidc/token',
  userinfo: '/oidc/me',
  jwks: '/oidc/jwks',
  end_session: '/oidc/session/end',
  revocation: '/oidc/token/revocation',
  introspection: '/oidc/token/introspection',
  pushed_authorization_request: '/oidc/request',
};

/** The portal's own pages of an authorization request (the interaction). */
export const INTERACTION_PREFIX = '/oidc/interaction/';

/** Paths the provider answers (its Koa app), on tenant hosts only. */
export function isProviderPath(path: string): boolean {
  if (path === '/.well-known/openid-configuration') return true;
  return path.startsWith('/oidc/') && !path.startsWith(INTERACTION_PREFIX);
}
