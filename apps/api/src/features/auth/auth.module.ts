import { Module } from '@nestjs/common';
import { AccessTokens } from './access-tokens.js';
import { AuthController } from './auth.controller.js';
import { JwksController } from './jwks.controller.js';
import { PortalAuthGuard } from './portal-auth.guard.js';
import { PortalSessionCookie } from './portal-session-cookie.js';
import { RefreshSession } from './refresh-session.usecase.js';
import { Sessions } from './sessions.js';
import { SignIn } from './sign-in.usecase.js';
import { SignOut } from './sign-out.usecase.js';

/** What the portal pages and the OIDC interaction reuse. */
const SHARED = [
  AccessTokens,
  Sessions,
  SignIn,
  RefreshSession,
  SignOut,
  PortalAuthGuard,
  PortalSessionCookie,
];

/** Portal sign-in, sessions, access tokens and the JWKS. The portal pages reuse the use cases and the guard. */
@Module({
  controllers: [AuthController, JwksController],
  providers: SHARED,
  exports: SHARED,
})
export class AuthModule {}
