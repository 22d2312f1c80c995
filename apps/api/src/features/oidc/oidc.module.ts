import { Module } from '@nestjs/common';
import { AdminAccessModule } from '../admin/access/admin-access.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { BackchannelLogouts } from './backchannel-logouts.js';
import { OidcClientsController } from './oidc-clients.controller.js';
import { CreateOidcClient } from './create-oidc-client.usecase.js';
import { DeleteOidcClient } from './delete-oidc-client.usecase.js';
import { OidcClientWrites } from './oidc-client-writes.js';
import { OidcClients } from './oidc-clients.queries.js';
import { RotateOidcClientSecret } from './rotate-oidc-client-secret.usecase.js';
import { UpdateOidcClient } from './update-oidc-client.usecase.js';
import { OidcInteractionController } from './oidc-interaction.controller.js';
import { OidcAppReturn } from './oidc-app-return.js';
import { type AppConfig, CONFIG } from '../../platform/config/config.js';
import { OidcPayloadPurge } from './oidc-payload-purge.js';
import { OidcProviders } from './oidc-providers.js';
import { SignOutEverywhereController } from './sign-out-everywhere.controller.js';
import { SignOutEverywhere } from './sign-out-everywhere.usecase.js';

/** Each tenant an OpenID Connect issuer (oidc-provider), its interaction on the portal, its clients in the admin API. */
@Module({
  imports: [AuthModule, AdminAccessModule],
  controllers: [OidcInteractionController, SignOutEverywhereController, OidcClientsController],
  providers: [
    {
      provide: OidcAppReturn,
      inject: [CONFIG],
      useFactory: (config: AppConfig) =>
        new OidcAppReturn(config.secureCookies, config.DATA_ENCRYPTION_KEY),
    },
    OidcProviders,
    BackchannelLogouts,
    OidcPayloadPurge,
    SignOutEverywhere,
    OidcClients,
    OidcClientWrites,
    CreateOidcClient,
    UpdateOidcClient,
    RotateOidcClientSecret,
    DeleteOidcClient,
  ],
  exports: [OidcProviders, BackchannelLogouts, OidcAppReturn],
})
export class OidcModule {}
