import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { OidcInteractionController } from './oidc-interaction.controller.js';
import { OidcProviders } from './oidc-providers.js';

/** Each tenant an OpenID Connect issuer (oidc-provider), its interaction on the portal. */
@Module({ imports: [AuthModule], controllers: [OidcInteractionController], providers: [OidcProviders], exports: [OidcProviders] })
export class OidcModule {}
