import { Body, Delete, Get, HttpCode, NotFoundException, Param, Post, Put } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import {
  EMAIL_KINDS,
  type EmailKind,
  isLocale,
  type Locale,
  type TemplateListItem,
  type TemplatePreviewResponse,
  type TemplateSource,
  templateSourceSchema,
  type TemplateView,
} from '@guichet/types';
import { ZodValidationPipe } from '../../../platform/common/zod-validation.pipe.js';
import { Actor, type AdminActor, RouteTenant } from '../access/admin-request.js';
import type { AdminTenant } from '../access/tenant-access.guard.js';
import { PreviewTemplate } from './preview-template.usecase.js';
import { ResetTemplate } from './reset-template.usecase.js';
import { SaveTemplate } from './save-template.usecase.js';
import { TenantTemplates } from './tenant-templates.queries.js';
import { TenantAdminController } from '../access/admin-controller.js';

const NO_TEMPLATE = {
  error: 'not_found',
  message:
    'No email template of this kind and language (kinds: password-reset, enrolment, already-enrolled, password-changed, test-email, email-changed; languages: fr, en, pt).',
};

function templateKey(kind: string, locale: string): { kind: EmailKind; locale: Locale } {
  if (!(EMAIL_KINDS as readonly string[]).includes(kind) || !isLocale(locale))
    throw new NotFoundException(NO_TEMPLATE);
  return { kind: kind as EmailKind, locale };
}

/** A tenant's email templates per message and language: edit, validate, preview, back to default. */
@TenantAdminController('templates')
export class TenantTemplatesController {
  constructor(
    private readonly templates: TenantTemplates,
    private readonly saveTemplate: SaveTemplate,
    private readonly resetTemplate: ResetTemplate,
    private readonly previewTemplate: PreviewTemplate,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Every email kind in each of the tenant’s languages, and whether the tenant overrides it',
  })
  list(@RouteTenant() tenant: AdminTenant): Promise<TemplateListItem[]> {
    return this.templates.list(tenant.id);
  }

  @Get(':kind/:locale')
  @ApiOperation({
    summary:
      'The template (the tenant’s, or the default) with the variables, helpers and partials it may use',
  })
  get(
    @RouteTenant() tenant: AdminTenant,
    @Param('kind') kind: string,
    @Param('locale') locale: string,
  ): Promise<TemplateView> {
    const key = templateKey(kind, locale);
    return this.templates.get(tenant.id, key.kind, key.locale);
  }

  @Put(':kind/:locale')
  @ApiOperation({
    summary:
      'Saves the tenant’s template once it compiles (400 invalid_template naming the part and line); the next emails use it; audited',
  })
  put(
    @Actor() actor: AdminActor,
    @RouteTenant() tenant: AdminTenant,
    @Param('kind') kind: string,
    @Param('locale') locale: string,
    @Body(new ZodValidationPipe(templateSourceSchema)) body: TemplateSource,
  ): Promise<TemplateView> {
    const key = templateKey(kind, locale);
    return this.saveTemplate.execute(actor, tenant, key.kind, key.locale, body);
  }

  @Delete(':kind/:locale')
  @ApiOperation({ summary: 'Removes the tenant’s template: the default is used again; audited' })
  reset(
    @Actor() actor: AdminActor,
    @RouteTenant() tenant: AdminTenant,
    @Param('kind') kind: string,
    @Param('locale') locale: string,
  ): Promise<TemplateView> {
    const key = templateKey(kind, locale);
    return this.resetTemplate.execute(actor, tenant.id, key.kind, key.locale);
  }

  @Post(':kind/:locale/preview')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Renders the given templates with sample data and the tenant’s branding, exactly as the worker would send them (nothing saved)',
  })
  preview(
    @RouteTenant() tenant: AdminTenant,
    @Param('kind') kind: string,
    @Param('locale') locale: string,
    @Body(new ZodValidationPipe(templateSourceSchema)) body: TemplateSource,
  ): Promise<TemplatePreviewResponse> {
    const key = templateKey(kind, locale);
    return this.previewTemplate.execute(tenant.id, key.kind, key.locale, body);
  }
}
