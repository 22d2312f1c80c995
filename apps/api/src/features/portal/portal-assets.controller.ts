import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentTenant } from '../../platform/tenancy/current-tenant.js';
import { brandAssetPath } from '../../platform/tenancy/brand-asset-paths.js';
import { CSS_PATH, faviconSvg, JS_PATH, PORTAL_CSS, PORTAL_JS, themeCss } from './assets.js';
import { PortalResponder } from './portal-responder.js';

/** The portal's own stylesheet, script, theme and icons (uploaded brand files: BrandAssetsController). */
@ApiExcludeController()
@Controller()
export class PortalAssetsController {
  constructor(
    private readonly current: CurrentTenant,
    private readonly respond: PortalResponder,
  ) {}

  @Get('assets/:file')
  asset(@Param('file') file: string, @Res() reply: FastifyReply): void {
    const path = `/assets/${file}`;
    const immutable = 'public, max-age=31536000, immutable';
    if (path === CSS_PATH)
      return void reply
        .type('text/css; charset=utf-8')
        .header('cache-control', immutable)
        .send(PORTAL_CSS);
    if (path === JS_PATH)
      return void reply
        .type('text/javascript; charset=utf-8')
        .header('cache-control', immutable)
        .send(PORTAL_JS);
    if (file === 'theme.css') {
      const { primaryColor, accentColor } = this.current.get(reply.request).settings.branding;
      // The page links it with ?v={tenant version}: a change of branding is a new URL.
      return void reply
        .type('text/css; charset=utf-8')
        .header('cache-control', 'public, max-age=31536000')
        .send(themeCss(primaryColor, accentColor));
    }
    if (file === 'favicon.svg') {
      const tenant = this.current.get(reply.request);
      return void reply
        .type('image/svg+xml')
        .header('cache-control', 'public, max-age=31536000')
        .send(faviconSvg(tenant.settings.branding.primaryColor, tenant.name));
    }
    this.respond.notFound(this.respond.page(reply.request, '/login'), reply);
  }

  /** Browsers ask for it whatever the page says. */
  @Get('favicon.ico')
  favicon(@Res() reply: FastifyReply): void {
    const uploaded = this.current.get(reply.request).assets?.favicon;
    // Short-lived: the favicon may be uploaded or replaced at any time.
    void reply
      .header('cache-control', 'public, max-age=3600')
      .redirect(uploaded ? brandAssetPath('favicon', uploaded) : '/assets/favicon.svg', 302);
  }
}
