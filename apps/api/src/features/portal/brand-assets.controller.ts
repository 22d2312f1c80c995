import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  brandAssetHeaders,
  matchesRef,
  parseBrandAssetFile,
} from '../../platform/tenancy/brand-asset-paths.js';
import { CurrentTenant } from '../../platform/tenancy/current-tenant.js';
import { BrandAssetContent } from './brand-asset-content.js';

const NOT_FOUND = { error: 'not_found', message: 'Not found.' };

/**
 * The tenant's uploaded logo and favicon at their content-named addresses, cached forever
 * (a new upload is a new address, which the pages name as soon as the tenant changes).
 */
@ApiExcludeController()
@Controller('assets/brand')
export class BrandAssetsController {
  constructor(
    private readonly current: CurrentTenant,
    private readonly contents: BrandAssetContent,
  ) {}

  @Get(':file')
  async serve(@Param('file') file: string, @Res() reply: FastifyReply): Promise<void> {
    const tenant = this.current.get(reply.request);
    const parsed = parseBrandAssetFile(file);
    const ref = parsed ? tenant.assets?.[parsed.kind] : undefined;
    if (!parsed || !ref || !matchesRef(parsed, ref)) throw new NotFoundException(NOT_FOUND);
    const found = await this.contents.get(tenant.id, parsed.kind, ref.sha256);
    if (!found) throw new NotFoundException(NOT_FOUND);
    void reply
      .headers(brandAssetHeaders(found.contentType))
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(found.content);
  }
}
