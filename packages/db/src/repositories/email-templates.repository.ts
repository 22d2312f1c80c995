import type { EmailKind, Locale, TemplateSource } from '@guichet/types';
import type { TenantId } from '../tenant-id.js';
import { one, type Queryable } from './queryable.js';

export interface TemplateOverride extends TemplateSource {
  kind: EmailKind;
  locale: Locale;
  updatedAt: Date;
}

const COLUMNS = 'kind, locale, subject, html, text, updated_at AS "updatedAt"';

/** A tenant's own email templates (`email_templates`), one per kind and language. */
export class EmailTemplatesRepository {
  constructor(private readonly db: Queryable) {}

  in(db: Queryable): EmailTemplatesRepository {
    return new EmailTemplatesRepository(db);
  }

  find(tenant: TenantId, kind: EmailKind, locale: Locale): Promise<TemplateOverride | null> {
    return one<TemplateOverride>(
      this.db,
      `SELECT ${COLUMNS} FROM email_templates WHERE tenant_id = $1 AND kind = $2 AND locale = $3`,
      [tenant, kind, locale],
    );
  }

  /** Which kinds and languages have an override, and since when. */
  list(tenant: TenantId): Promise<Pick<TemplateOverride, 'kind' | 'locale' | 'updatedAt'>[]> {
    return this.db.query(
      'SELECT kind, locale, updated_at AS "updatedAt" FROM email_templates WHERE tenant_id = $1',
      [tenant],
    );
  }

  /** Every language's override of one kind (what the worker renders with). */
  ofKind(tenant: TenantId, kind: EmailKind): Promise<TemplateOverride[]> {
    return this.db.query(
      `SELECT ${COLUMNS} FROM email_templates WHERE tenant_id = $1 AND kind = $2`,
      [tenant, kind],
    );
  }

  async put(
    tenant: TenantId,
    kind: EmailKind,
    locale: Locale,
    source: TemplateSource,
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO email_templates (tenant_id, kind, locale, subject, html, text, updated_at) VALUES ($1, $2, $3, $4, $5, $6, now())
       ON CONFLICT (tenant_id, kind, locale) DO UPDATE SET subject = EXCLUDED.subject, html = EXCLUDED.html, text = EXCLUDED.text, updated_at = now()`,
      [tenant, kind, locale, source.subject, source.html, source.text],
    );
  }

  async delete(tenant: TenantId, kind: EmailKind, locale: Locale): Promise<void> {
    await this.db.query(
      'DELETE FROM email_templates WHERE tenant_id = $1 AND kind = $2 AND locale = $3',
      [tenant, kind, locale],
    );
  }
}
