import { createContext, useContext } from 'react';
import type { AdminView, TenantDetail } from '@guichet/types';
import type { ApiClient } from './api';

/** The tenant being managed, shared by its sections; a save replaces it with what the API returned. */
export interface TenantScope {
  api: ApiClient;
  admin: AdminView;
  tenant: TenantDetail;
  setTenant: (tenant: TenantDetail) => void;
  reload: () => void;
}

export const TenantScopeContext = createContext<TenantScope | null>(null);

export function useTenantScope(): TenantScope {
  const scope = useContext(TenantScopeContext);
  if (!scope) throw new Error('useTenantScope outside a tenant page');
  return scope;
}
