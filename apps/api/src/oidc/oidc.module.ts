import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { OidcInteractionController } from './oidc-interaction.controller.js';
import { OidcProviders } from './oidc-providers.js';
import { SignOutEverywhereController } from './sign-out-everywhere.controller.js';
import { SignOutEverywhere } from './sign-out-everywhere.usecase.js';

/** Each tenant an OpenID Connect issuer (oidc-provider), its interaction on the portal. */
@Module({ imports: [AuthModule], controllers: [OidcInteractionController, SignOutEverywhereController], providers: [OidcProviders, SignOutEverywhere], exports: [OidcProviders] })
export class OidcModule {}
