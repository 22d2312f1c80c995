import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PublicTenant } from '@guichet/types';
import type { FastifyReply } from 'fastify';
import { CurrentTenant } from './current-tenant.js';
import { brandAssetPath } from './brand-asset-paths.js';
import type { TenantContext } from './tenant-context.js';

/** Serialized once per cached tenant context (a new context object after every change). */
const serialized = new WeakMap<TenantContext, string>();

@ApiTags('tenant')
@Controller('api/v1/tenant')
export class TenantController {
  constructor(private readonly current: CurrentTenant) {}

  @Get()
  @ApiOperation({
    summary:
      "The portal's public configuration: branding, languages, texts, username and password rules",
  })
  @ApiOkResponse({ description: 'PublicTenant (see packages/types)' })
  get(@Res() reply: FastifyReply): FastifyReply {
    const tenant = this.current.get(reply.request);
    let body = serialized.get(tenant);
    if (!body) {
      body = JSON.stringify(toPublicTenant(tenant));
      serialized.set(tenant, body);
    }
    return reply
      .type('application/json; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(body);
  }
}

function toPublicTenant(t: TenantContext): PublicTenant {
  const s = t.settings;
  return {
    slug: t.slug,
    name: t.name,
    publicUrl: t.publicUrl,
    defaultLocale: s.defaultLocale,
    locales: s.locales,
    // An uploaded image takes the place of its URL, as on the portal's pages.
    branding: {
      ...s.branding,
      logoUrl: t.assets?.logo ? brandAssetPath('logo', t.assets.logo) : s.branding.logoUrl,
      faviconUrl: t.assets?.favicon
        ? brandAssetPath('favicon', t.assets.favicon)
        : s.branding.faviconUrl,
    },
    texts: s.texts,
    usernameRule: s.usernameRule,
    passwordPolicy: s.passwordPolicy,
    features: s.features,
  };
}
