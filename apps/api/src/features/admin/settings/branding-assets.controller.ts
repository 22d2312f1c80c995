import {
  BadRequestException,
  Delete,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  PayloadTooLargeException,
  Put,
  Req,
  Res,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { ApiConsumes, ApiOperation } from '@nestjs/swagger';
import { TenantAssetsRepository } from '@guichet/db';
import {
  BRANDING_ASSET_KINDS,
  type BrandingAssetKind,
  type BrandingAssetView,
} from '@guichet/types';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { brandAssetHeaders } from '../../../platform/tenancy/brand-asset-paths.js';
import { BrandImageRefused } from '../../branding/brand-image.js';
import { Actor, type AdminActor, RouteTenant } from '../access/admin-request.js';
import { RemoveBrandingAsset } from './remove-branding-asset.usecase.js';
import { UploadBrandingAsset } from './upload-branding-asset.usecase.js';
import type { AdminTenant } from '../access/tenant-access.guard.js';
import { TenantAdminController } from '../access/admin-controller.js';

/** Content types an upload may declare; what it is comes from its bytes. */
export const BRANDING_UPLOAD_CONTENT_TYPES = [/^image\//, 'application/octet-stream'];

function assetKind(kind: string): BrandingAssetKind {
  if (!(BRANDING_ASSET_KINDS as readonly string[]).includes(kind))
    throw new NotFoundException({
      error: 'not_found',
      message: 'Only the logo and the favicon can be uploaded.',
    });
  return kind as BrandingAssetKind;
}

function refusal(error: BrandImageRefused) {
  const body = {
    error: error.problem === 'too_large' ? 'payload_too_large' : error.problem,
    message: error.message,
  };
  if (error.problem === 'too_large') return new PayloadTooLargeException(body);
  if (error.problem === 'unsupported_type') return new UnsupportedMediaTypeException(body);
  return new BadRequestException(body);
}

/** The tenant's uploaded logo and favicon (PNG, JPEG or sanitised SVG), in place of the branding URLs. */
@TenantAdminController('branding')
export class BrandingAssetsController {
  constructor(
    private readonly assets: TenantAssetsRepository,
    private readonly upload: UploadBrandingAsset,
    private readonly remove: RemoveBrandingAsset,
  ) {}

  @Put(':kind')
  @ApiConsumes('image/png', 'image/jpeg', 'image/svg+xml', 'application/octet-stream')
  @ApiOperation({
    summary:
      'Uploads the logo (up to 256 KB) or the favicon (up to 64 KB) as the request body: PNG, JPEG or SVG, told from the bytes; an SVG is sanitised. Audited; the portal shows it at once. 413 too large, 415 another format',
  })
  async put(
    @Actor() actor: AdminActor,
    @RouteTenant() tenant: AdminTenant,
    @Param('kind') kind: string,
    @Req() request: FastifyRequest,
  ): Promise<BrandingAssetView> {
    const which = assetKind(kind);
    if (!Buffer.isBuffer(request.body))
      throw new UnsupportedMediaTypeException({
        error: 'unsupported_media_type',
        message:
          'Send the image itself as the body, as image/png, image/jpeg, image/svg+xml or application/octet-stream.',
      });
    try {
      return await this.upload.execute(actor, tenant, which, request.body);
    } catch (error) {
      if (error instanceof BrandImageRefused) throw refusal(error);
      throw error;
    }
  }

  @Get(':kind')
  @ApiOperation({
    summary: 'The uploaded logo or favicon, as stored (sanitised); 404 when there is none',
  })
  async get(
    @RouteTenant() tenant: AdminTenant,
    @Param('kind') kind: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const row = await this.assets.content(tenant.id, assetKind(kind));
    if (!row) throw new NotFoundException({ error: 'not_found', message: 'Nothing was uploaded.' });
    void reply
      .headers(brandAssetHeaders(row.contentType))
      .header('cache-control', 'private, no-cache')
      .send(row.content);
  }

  @Delete(':kind')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Removes the uploaded logo or favicon: the branding URL, or the default, applies again. Audited',
  })
  async delete(
    @Actor() actor: AdminActor,
    @RouteTenant() tenant: AdminTenant,
    @Param('kind') kind: string,
  ): Promise<void> {
    await this.remove.execute(actor, tenant.id, assetKind(kind));
  }
}
