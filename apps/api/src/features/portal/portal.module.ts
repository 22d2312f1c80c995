import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { EnrolmentModule } from '../enrolment/enrolment.module.js';
import { LookupModule } from '../lookup/lookup.module.js';
import { OidcModule } from '../oidc/oidc.module.js';
import { OutboxModule } from '../../platform/outbox/outbox.module.js';
import { RecoveryModule } from '../recovery/recovery.module.js';
import { BrandAssetContent } from './brand-asset-content.js';
import { BrandAssetsController } from './brand-assets.controller.js';
import { PortalController } from './portal.controller.js';

/** The server-rendered tenant portal (pages and their assets) over the identity use cases. */
@Module({
  imports: [AuthModule, RecoveryModule, EnrolmentModule, LookupModule, OutboxModule, OidcModule],
  controllers: [PortalController, BrandAssetsController],
  providers: [BrandAssetContent],
})
export class PortalModule {}
