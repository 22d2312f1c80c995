import { Readable } from 'node:stream';
import {
  BadRequestException,
  HttpCode,
  NotFoundException,
  Param,
  PayloadTooLargeException,
  Post,
  Query,
  Req,
  UnprocessableEntityException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiQuery } from '@nestjs/swagger';
import { TenantSettingsRepository } from '@guichet/db';
import type { ImportReport } from '@guichet/types';
import type { FastifyRequest } from 'fastify';
import { limitBytes, UploadTooLargeError } from './byte-limit.js';
import {
  CsvFormatError,
  DisableMissingRefused,
  ImportAccounts,
} from './import-accounts.usecase.js';
import { TenantAdminController } from '../access/admin-controller.js';

/** Largest CSV the admin API takes (≈ 500,000 lines of a typical HR export). */
export const IMPORT_BODY_LIMIT_BYTES = 50 * 1024 * 1024;
/** Rejected lines, and other lines, kept in the HTTP report (the summary counts them all). */
const REPORT_LINES = 10_000;
export const CSV_CONTENT_TYPES = ['text/csv', 'application/csv'];

@TenantAdminController('users')
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
  @ApiQuery({
    name: 'disableMissing',
    required: false,
    description:
      'true: the file is a full export; active accounts it does not name are disabled (refused when a line cannot be read or more than 20 % would go, unless allowMassDisable=true)',
  })
  @ApiQuery({ name: 'allowMassDisable', required: false })
  @ApiQuery({
    name: 'dryRun',
    required: false,
    description: 'true: the report of what would happen; nothing written',
  })
  async import(
    @Param('tenantId') _tenantId: string,
    @Req() request: FastifyRequest,
    @Query('disableMissing') disableMissing?: string,
    @Query('allowMassDisable') allowMassDisable?: string,
    @Query('dryRun') dryRun?: string,
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
        {
          actor: { type: 'admin', id: admin.id },
          source: 'admin-api',
          keepLines: REPORT_LINES,
          disableMissing: flag(disableMissing, 'disableMissing'),
          allowMassDisable: flag(allowMassDisable, 'allowMassDisable'),
          dryRun: flag(dryRun, 'dryRun'),
        },
      );
    } catch (error) {
      if (error instanceof CsvFormatError)
        throw new BadRequestException({ error: 'invalid_csv', message: error.message });
      if (error instanceof DisableMissingRefused)
        throw new UnprocessableEntityException({
          error: 'disable_refused',
          message: error.message,
        });
      if (error instanceof UploadTooLargeError) throw tooLarge();
      throw error;
    }
  }
}

/** A boolean query parameter: absent, `true` or `false`. */
function flag(value: unknown, name: string): boolean {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  throw new BadRequestException({
    error: 'bad_request',
    message: `${name} must be true or false.`,
  });
}

const tooLarge = () =>
  new PayloadTooLargeException({
    error: 'payload_too_large',
    message: 'The file is larger than 50 MB: split it and import each part.',
  });
