import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { EnrolmentModule } from '../enrolment/enrolment.module.js';
import { LookupModule } from '../lookup/lookup.module.js';
import { OidcModule } from '../oidc/oidc.module.js';
import { OutboxModule } from '../../platform/outbox/outbox.module.js';
import { RecoveryModule } from '../recovery/recovery.module.js';
import { BrandAssetContent } from './brand-asset-content.js';
import { BrandAssetsController } from './brand-assets.controller.js';
import { PortalAccountController } from './portal-account.controller.js';
import { PortalAssetsController } from './portal-assets.controller.js';
import { PortalEnrolmentController } from './portal-enrolment.controller.js';
import { PortalLoginController } from './portal-login.controller.js';
import { PortalLookupController } from './portal-lookup.controller.js';
import { PortalRecoveryController } from './portal-recovery.controller.js';
import { PortalResponder } from './portal-responder.js';
import { UsernameRequestPage } from './username-request-page.js';

/**
 * The server-rendered tenant portal over the identity use cases: one controller per flow
 * (sign-in, account, recovery, enrolment, lookup) and the assets, all answering through
 * PortalResponder (headers, CSP, cookies, problem pages).
 */
@Module({
  imports: [AuthModule, RecoveryModule, EnrolmentModule, LookupModule, OutboxModule, OidcModule],
  controllers: [
    PortalAssetsController,
    PortalLoginController,
    PortalAccountController,
    PortalRecoveryController,
    PortalEnrolmentController,
    PortalLookupController,
    BrandAssetsController,
  ],
  providers: [BrandAssetContent, PortalResponder, UsernameRequestPage],
})
export class PortalModule {}
