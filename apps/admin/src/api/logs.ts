import type {
  AuditEventView,
  AuditQuery,
  DeliveryListQuery,
  DeliveryView,
  Page,
} from '@guichet/types';
import { seg, type Query, type TransportClass } from './transport';

/** Deliveries and the audit logs. */
export const withLogs = <B extends TransportClass>(Base: B) =>
  class extends Base {
    // Deliveries and audit
    deliveries(
      tenantId: string,
      query: DeliveryListQuery,
      signal?: AbortSignal,
    ): Promise<Page<DeliveryView>> {
      return this.json('GET', `/tenants/${seg(tenantId)}/deliveries`, {
        query: query as Query,
        signal,
      });
    }
    retryDelivery(tenantId: string, deliveryId: string): Promise<DeliveryView> {
      return this.json('POST', `/tenants/${seg(tenantId)}/deliveries/${seg(deliveryId)}/retry`, {
        body: {},
      });
    }
    audit(
      tenantId: string,
      query: AuditQuery,
      signal?: AbortSignal,
    ): Promise<Page<AuditEventView>> {
      return this.json('GET', `/tenants/${seg(tenantId)}/audit`, { query: query as Query, signal });
    }
    /** Events of no tenant (platform admins). */
    platformAudit(query: AuditQuery, signal?: AbortSignal): Promise<Page<AuditEventView>> {
      return this.json('GET', '/audit', { query: query as Query, signal });
    }
    async platformAuditCsv(query: AuditQuery): Promise<Blob> {
      const response = await this.send('GET', '/audit.csv', {
        query: query as Query,
        accept: 'text/csv',
      });
      return response.blob();
    }
    /** The audit log as CSV (a bearer-token download, so fetched here rather than linked). */
    async auditCsv(tenantId: string, query: AuditQuery): Promise<Blob> {
      const response = await this.send('GET', `/tenants/${seg(tenantId)}/audit.csv`, {
        query: query as Query,
        accept: 'text/csv',
      });
      return response.blob();
    }
  };
