import { Readable } from 'node:stream';
import {
  BadRequestException,
  Controller,
  HttpCode,
  NotFoundException,
  Param,
  PayloadTooLargeException,
  Post,
  Req,
  UnsupportedMediaTypeException,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantSettingsRepository } from '@guichet/db';
import type { ImportReport } from '@guichet/types';
import type { FastifyRequest } from 'fastify';
import { AdminAuthGuard } from '../access/admin-auth.guard.js';
import { TenantAccessGuard } from '../access/tenant-access.guard.js';
import { OnHosts } from '../../../platform/tenancy/host.js';
import { limitBytes, UploadTooLargeError } from './byte-limit.js';
import { CsvFormatError, ImportAccounts } from './import-accounts.usecase.js';

/** Largest CSV the admin API takes (≈ 500,000 lines of a typical HR export). */
export const IMPORT_BODY_LIMIT_BYTES = 50 * 1024 * 1024;
/** Rejected lines, and other lines, kept in the HTTP report (the summary counts them all). */
const REPORT_LINES = 10_000;
export const CSV_CONTENT_TYPES = ['text/csv', 'application/csv'];

@ApiTags('admin')
@OnHosts('admin')
@Controller('api/v1/admin/tenants/:tenantId/users')
@UseGuards(AdminAuthGuard, TenantAccessGuard)
@ApiBearerAuth()
export class AccountImportController {
  constructor(
    private readonly importAccounts: ImportAccounts,
    private readonly settings: TenantSettingsRepository,
  ) {}

  @Post('import')
  @HttpCode(200)
  @ApiConsumes('text/csv')
  @ApiOperation({
    summary:
      'Imports accounts from a CSV (lastName, firstName, email, optional username, externalId; UTF-8 or Windows-1252; , or ;), up to 50 MB; a report line per line',
  })
  async import(
    @Param('tenantId') _tenantId: string,
    @Req() request: FastifyRequest,
  ): Promise<ImportReport> {
    // TenantAccessGuard: a tenant the admin may not manage is a 404, like a missing one.
    const admin = request.admin!;
    const type = (request.headers['content-type'] ?? '').split(';', 1)[0]!.trim().toLowerCase();
    if (!CSV_CONTENT_TYPES.includes(type) || !(request.body instanceof Readable)) {
      throw new UnsupportedMediaTypeException({
        error: 'unsupported_media_type',
        message: 'Send the file as text/csv.',
      });
    }
    const length = Number(request.headers['content-length'] ?? 0);
    if (length > IMPORT_BODY_LIMIT_BYTES) throw tooLarge();

    // Checked and branded by TenantAccessGuard (the :tenantId of the route).
    const tenantId = request.adminTenant!.id;
    const tenant = await this.settings.get(tenantId);
    if (!tenant)
      throw new NotFoundException({ error: 'not_found', message: 'No tenant has this id.' });

    try {
      return await this.importAccounts.execute(
        { tenantId, usernameRule: tenant.settings.usernameRule },
        limitBytes(request.body, IMPORT_BODY_LIMIT_BYTES),
        { actor: { type: 'admin', id: admin.id }, source: 'admin-api', keepLines: REPORT_LINES },
      );
    } catch (error) {
      if (error instanceof CsvFormatError)
        throw new BadRequestException({ error: 'invalid_csv', message: error.message });
      if (error instanceof UploadTooLargeError) throw tooLarge();
      throw error;
    }
  }
}

const tooLarge = () =>
  new PayloadTooLargeException({
    error: 'payload_too_large',
    message: 'The file is larger than 50 MB: split it and import each part.',
  });
