import type {
  DirectoryRunView,
  DirectorySettingsRequest,
  DirectorySettingsView,
  DirectorySyncRequest,
  DirectoryTestResponse,
} from '@guichet/types';
import { seg, type TransportClass } from './transport';

/** A tenant’s directory (LDAP / Active Directory) and its syncs. */
export const withDirectory = <B extends TransportClass>(Base: B) =>
  class extends Base {
    // Directory (LDAP / Active Directory)
    directory(tenantId: string, signal?: AbortSignal): Promise<DirectorySettingsView> {
      return this.json('GET', `/tenants/${seg(tenantId)}/directory`, { signal });
    }
    putDirectory(tenantId: string, body: DirectorySettingsRequest): Promise<DirectorySettingsView> {
      return this.json('PUT', `/tenants/${seg(tenantId)}/directory`, { body });
    }
    testDirectory(
      tenantId: string,
      body: DirectorySettingsRequest | null,
    ): Promise<DirectoryTestResponse> {
      return this.json('POST', `/tenants/${seg(tenantId)}/directory/test`, { body: body ?? {} });
    }
    syncDirectory(tenantId: string, body: DirectorySyncRequest): Promise<DirectoryRunView> {
      return this.json('POST', `/tenants/${seg(tenantId)}/directory/sync`, { body });
    }
    directoryRuns(tenantId: string, signal?: AbortSignal): Promise<DirectoryRunView[]> {
      return this.json('GET', `/tenants/${seg(tenantId)}/directory/runs`, { signal });
    }
    directoryRun(tenantId: string, runId: string, signal?: AbortSignal): Promise<DirectoryRunView> {
      return this.json('GET', `/tenants/${seg(tenantId)}/directory/runs/${seg(runId)}`, { signal });
    }
  };
