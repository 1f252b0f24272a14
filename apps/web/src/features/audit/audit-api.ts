import type { TAuditEntry } from '@kechuang/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

export interface AuditListParams {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  region?: string;
  /** ISO 8601 with offset */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export interface AuditPageData {
  items: TAuditEntry[];
  total: number;
  page: number;
  pageSize: number;
}

export function useAudit(params: AuditListParams) {
  return useQuery({
    queryKey: ['audit', params],
    queryFn: () => api.get<AuditPageData>('/api/audit', { query: { ...params } }),
    placeholderData: keepPreviousData,
  });
}
