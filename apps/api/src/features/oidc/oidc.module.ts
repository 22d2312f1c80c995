import { Module } from '@nestjs/common';
import { AdminAuthGuard } from '../admin/access/admin-auth.guard.js';
import { TenantAccessGuard } from '../admin/access/tenant-access.guard.js';
import { AuthModule } from '../auth/auth.module.js';
import { BackchannelLogouts } from './backchannel-logouts.js';
import { OidcClientsController } from './oidc-clients.controller.js';
import { OidcClients } from './oidc-clients.usecases.js';
import { OidcInteractionController } from './oidc-interaction.controller.js';
import { OidcPayloadPurge } from './oidc-payload-purge.js';
import { OidcProviders } from './oidc-providers.js';
import { SignOutEverywhereController } from './sign-out-everywhere.controller.js';
import { SignOutEverywhere } from './sign-out-everywhere.usecase.js';

/** Each tenant an OpenID Connect issuer (oidc-provider), its interaction on the portal, its clients in the admin API. */
@Module({
  imports: [AuthModule],
  controllers: [OidcInteractionController, SignOutEverywhereController, OidcClientsController],
  providers: [
    OidcProviders,
    BackchannelLogouts,
    OidcPayloadPurge,
    SignOutEverywhere,
    OidcClients,
    AdminAuthGuard,
    TenantAccessGuard,
  ],
  exports: [OidcProviders, BackchannelLogouts],
})
export class OidcModule {}
