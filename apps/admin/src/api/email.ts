import type {
  SmtpSettingsRequest,
  SmtpSettingsView,
  SmtpTestRequest,
  SmtpTestResponse,
  TemplatePreviewResponse,
  TemplateListItem,
  TemplateSource,
  TemplateView,
} from '@guichet/types';
import { seg, type TransportClass } from './transport';

/** A tenant’s sender (SMTP) and email templates. */
export const withEmail = <B extends TransportClass>(Base: B) =>
  class extends Base {
    // SMTP
    smtp(tenantId: string, signal?: AbortSignal): Promise<SmtpSettingsView> {
      return this.json('GET', `/tenants/${seg(tenantId)}/smtp`, { signal });
    }
    putSmtp(tenantId: string, body: SmtpSettingsRequest): Promise<SmtpSettingsView> {
      return this.json('PUT', `/tenants/${seg(tenantId)}/smtp`, { body });
    }
    deleteSmtp(tenantId: string): Promise<SmtpSettingsView> {
      return this.json('DELETE', `/tenants/${seg(tenantId)}/smtp`, {});
    }
    testSmtp(tenantId: string, body: SmtpTestRequest): Promise<SmtpTestResponse> {
      return this.json('POST', `/tenants/${seg(tenantId)}/smtp/test`, { body });
    }

    // Templates
    templates(tenantId: string, signal?: AbortSignal): Promise<TemplateListItem[]> {
      return this.json('GET', `/tenants/${seg(tenantId)}/templates`, { signal });
    }
    template(
      tenantId: string,
      kind: string,
      locale: string,
      signal?: AbortSignal,
    ): Promise<TemplateView> {
      return this.json('GET', `/tenants/${seg(tenantId)}/templates/${seg(kind)}/${seg(locale)}`, {
        signal,
      });
    }
    putTemplate(
      tenantId: string,
      kind: string,
      locale: string,
      body: TemplateSource,
    ): Promise<TemplateView> {
      return this.json('PUT', `/tenants/${seg(tenantId)}/templates/${seg(kind)}/${seg(locale)}`, {
        body,
      });
    }
    resetTemplate(tenantId: string, kind: string, locale: string): Promise<TemplateView> {
      return this.json(
        'DELETE',
        `/tenants/${seg(tenantId)}/templates/${seg(kind)}/${seg(locale)}`,
        {},
      );
    }
    previewTemplate(
      tenantId: string,
      kind: string,
      locale: string,
      body: TemplateSource,
      signal?: AbortSignal,
    ): Promise<TemplatePreviewResponse> {
      return this.json(
        'POST',
        `/tenants/${seg(tenantId)}/templates/${seg(kind)}/${seg(locale)}/preview`,
        { body, signal },
      );
    }
  };
