import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
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
  EMAIL_KINDS,
  LINK_KINDS,
  type EmailKind,
  type Locale,
  type TemplateErrorBody,
  type TemplateListItem,
  type TemplatePreviewResponse,
  type TemplateSource,
  type TemplateView,
} from '@guichet/types';
import type { DataSource } from 'typeorm';
import type { AdminActor } from '../access/admin-request.js';
import type { AdminTenant } from '../access/tenant-access.guard.js';
import { TenantChanges } from '../tenants/tenant-changes.js';

interface OverrideRow extends TemplateSource {
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

function loadOverride(
  db: Queryable,
  tenantId: TenantId,
  kind: EmailKind,
  locale: Locale,
): Promise<OverrideRow | null> {
  return new EmailTemplatesRepository(db).find(tenantId, kind, locale);
}

function view(kind: EmailKind, locale: Locale, row: OverrideRow | null): TemplateView {
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

/** Reads of a tenant's email templates (overrides, or the defaults). */
@Injectable()
export class TenantTemplates {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(tenantId: TenantId, locales: readonly Locale[]): Promise<TemplateListItem[]> {
    const rows = await new EmailTemplatesRepository(this.dataSource).list(tenantId);
    return EMAIL_KINDS.flatMap((kind) =>
      locales.map((locale) => {
        const row = rows.find((r) => r.kind === kind && r.locale === locale);
        return {
          kind,
          locale,
          overridden: Boolean(row),
          updatedAt: row ? row.updatedAt.toISOString() : null,
        };
      }),
    );
  }

  async get(tenantId: TenantId, kind: EmailKind, locale: Locale): Promise<TemplateView> {
    return view(kind, locale, await loadOverride(this.dataSource, tenantId, kind, locale));
  }
}

/** Saves a tenant's template of one kind and locale, once it compiles; the next emails use it. */
@Injectable()
export class SaveTemplate {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changes: TenantChanges,
  ) {}

  async execute(
    actor: AdminActor,
    tenant: AdminTenant,
    kind: EmailKind,
    locale: Locale,
    source: TemplateSource,
  ): Promise<TemplateView> {
    assertValidTemplate(source);
    await this.changes.apply(tenant.id, actor, async (em, current) => {
      // Renders once with sample data: what compiles must also run.
      previewTemplate(
        { ...tenant, settings: current.settings, version: current.version },
        kind,
        locale,
        source,
      );
      const before = await loadOverride(this.dataSource, tenant.id, kind, locale);
      if (before && TEMPLATE_PARTS.every((p) => before[p] === source[p]))
        return { result: undefined };
      await new EmailTemplatesRepository(em).put(tenant.id, kind, locale, source);
      return {
        result: undefined,
        audit: {
          action: 'template.updated',
          targetType: 'template',
          targetId: `${kind}/${locale}`,
          before: before
            ? { subject: before.subject, html: before.html, text: before.text }
            : { default: true },
          after: { subject: source.subject, html: source.html, text: source.text },
        },
      };
    });
    return view(kind, locale, await loadOverride(this.dataSource, tenant.id, kind, locale));
  }
}

/** Removes a tenant's template of one kind and locale: the default is used again. */
@Injectable()
export class ResetTemplate {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changes: TenantChanges,
  ) {}

  async execute(
    actor: AdminActor,
    tenantId: TenantId,
    kind: EmailKind,
    locale: Locale,
  ): Promise<TemplateView> {
    await this.changes.apply(tenantId, actor, async (em) => {
      const before = await loadOverride(this.dataSource, tenantId, kind, locale);
      if (!before) return { result: undefined };
      await new EmailTemplatesRepository(em).delete(tenantId, kind, locale);
      return {
        result: undefined,
        audit: {
          action: 'template.reset',
          targetType: 'template',
          targetId: `${kind}/${locale}`,
          before: { subject: before.subject, html: before.html, text: before.text },
          after: { default: true },
        },
      };
    });
    return view(kind, locale, null);
  }
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
