import { Injectable } from '@nestjs/common';
import type { TenantId } from '@guichet/db';
import type { EmailKind, Locale, TemplatePreviewResponse, TemplateSource } from '@guichet/types';
import { Tenants } from '../tenants/tenants.queries.js';
import { previewTemplate } from './tenant-templates.shared.js';

/**
 * Renders the given templates with sample data and the tenant's branding and texts, exactly
 * as the worker would send them (nothing saved).
 */
@Injectable()
export class PreviewTemplate {
  constructor(private readonly tenants: Tenants) {}

  async execute(
    tenantId: TenantId,
    kind: EmailKind,
    locale: Locale,
    source: TemplateSource,
  ): Promise<TemplatePreviewResponse> {
    const { name, publicUrl, settings, version } = await this.tenants.detail(tenantId);
    return previewTemplate(
      { id: tenantId, name, publicUrl, settings, version },
      kind,
      locale,
      source,
    );
  }
}
