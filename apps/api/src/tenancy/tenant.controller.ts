import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PublicTenant } from '@guichet/types';
import { CurrentTenant } from './current-tenant.js';

@ApiTags('tenant')
@Controller('api/v1/tenant')
export class TenantController {
  constructor(private readonly current: CurrentTenant) {}

  @Get()
  @Header('cache-control', 'no-cache')
  @ApiOperation({ summary: "The portal's public configuration: branding, languages, texts, username and password rules" })
  @ApiOkResponse({ description: 'PublicTenant (see packages/types)' })
  get(): PublicTenant {
    const t = this.current.get();
    const s = t.settings;
    return {
      slug: t.slug,
      name: t.name,
      publicUrl: t.publicUrl,
      defaultLocale: s.defaultLocale,
      locales: s.locales,
      branding: s.branding,
      texts: s.texts,
      usernameRule: s.usernameRule,
      passwordPolicy: s.passwordPolicy,
      features: s.features,
    };
  }
}
