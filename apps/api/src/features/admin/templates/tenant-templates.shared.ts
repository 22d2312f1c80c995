import { BadRequestException } from '@nestjs/common';
import { EmailTemplatesRepository, type Queryable, type TenantId } from '@guichet/db';
import {
  defaultTemplate,
  render,
  TEMPLATE_HELPERS,
  TEMPLATE_PARTIALS,
  TEMPLATE_PARTS,
  TEMPLATE_VARIABLES,
  TemplateError,
  validateTemplate,
  samplePayload,
  type TemplatePart,
} from '@guichet/mail';
import {
  LINK_KINDS,
  type EmailKind,
  type Locale,
  type TemplateErrorBody,
  type TemplatePreviewResponse,
  type TemplateSource,
  type TemplateView,
} from '@guichet/types';
import type { AdminTenant } from '../access/tenant-access.guard.js';

export interface OverrideRow extends TemplateSource {
  kind: EmailKind;
  locale: Locale;
  updatedAt: Date;
}

function templateError(
  part: TemplatePart,
  line: number | null,
  problem: string,
): BadRequestException {
  const where = line === null ? '' : ` on line ${line}`;
  const body: TemplateErrorBody = {
    error: 'invalid_template',
    message: `The ${part} template has an error${where}: ${problem}`,
    fields: { [part]: [line === null ? problem : `line ${line}: ${problem}`] },
    part,
    line,
  };
  return new BadRequestException(body);
}

/**
 * Every part must compile and use only what the renderer allows; the first problem is a 400
 * naming its line. `allowEmpty`: a blank part stands for the default (previews).
 */
export function assertValidTemplate(source: TemplateSource, allowEmpty = false): void {
  for (const part of TEMPLATE_PARTS) {
    if (allowEmpty && source[part].trim() === '') continue;
    const result = validateTemplate(part, source[part]);
    if (!result.ok) throw templateError(part, result.line, result.message);
  }
}

export function loadOverride(
  db: Queryable,
  tenantId: TenantId,
  kind: EmailKind,
  locale: Locale,
): Promise<OverrideRow | null> {
  return new EmailTemplatesRepository(db).find(tenantId, kind, locale);
}

export function view(kind: EmailKind, locale: Locale, row: OverrideRow | null): TemplateView {
  const source = row ?? defaultTemplate(kind, locale);
  return {
    kind,
    locale,
    subject: source.subject,
    html: source.html,
    text: source.text,
    overridden: row !== null,
    updatedAt: row ? row.updatedAt.toISOString() : null,
    variables: [...TEMPLATE_VARIABLES[kind]],
    helpers: [...TEMPLATE_HELPERS],
    partials: [...TEMPLATE_PARTIALS],
  };
}

/**
 * The email as it would be sent: `render` of packages/mail with sample data, the tenant's
 * branding and texts, and the given templates (nothing saved).
 */
export function previewTemplate(
  tenant: Pick<AdminTenant, 'id' | 'name' | 'publicUrl'> & {
    settings: Parameters<typeof render>[0]['tenant']['settings'];
    version: number;
  },
  kind: EmailKind,
  locale: Locale,
  source: TemplateSource,
): TemplatePreviewResponse {
  assertValidTemplate(source, true);
  try {
    return render({
      tenant: {
        id: tenant.id,
        name: tenant.name,
        settings: tenant.settings,
        version: tenant.version,
        publicUrl: tenant.publicUrl,
      },
      payload: samplePayload(kind, locale, tenant.id),
      link: LINK_KINDS.includes(kind)
        ? `${tenant.publicUrl}/reset-password?token=EXAMPLE-TOKEN`
        : undefined,
      overrides: { [kind]: { [locale]: source } },
    });
  } catch (error) {
    if (error instanceof TemplateError)
      throw templateError(error.details.part ?? 'html', error.details.line ?? null, error.message);
    throw error;
  }
}
