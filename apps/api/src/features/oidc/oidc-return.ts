import type { FastifyRequest } from 'fastify';
import { INTERACTION_PREFIX } from './oidc-routes.js';

/** Which authorization request the portal's login form continues, while one is pending. */
export const oidcReturnCookie = (secure: boolean) =>
  `${secure ? '__Host-' : ''}guichet_oidc_return`;

const UID = /^[\w-]{8,64}$/;

/** Where the portal sends the browser after a sign-in that an application asked for; null otherwise. */
export function oidcReturnPath(request: FastifyRequest, secure: boolean): string | null {
  const uid = request.cookies?.[oidcReturnCookie(secure)];
  return typeof uid === 'string' && UID.test(uid) ? `${INTERACTION_PREFIX}${uid}?continue=1` : null;
}

export const isInteractionUid = (uid: unknown): uid is string =>
  typeof uid === 'string' && UID.test(uid);
