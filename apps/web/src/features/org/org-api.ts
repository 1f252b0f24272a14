import type { TOrg, TOrgCreate, TOrgKind } from '@kechuang/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

export interface OrgListParams {
  q?: string;
  kind?: TOrgKind;
  region?: string;
  includeDisabled?: boolean;
  sort: 'name' | 'region' | 'createdAt';
  page: number;
  pageSize: number;
}

export interface OrgPage {
  items: TOrg[];
  total: number;
  page: number;
  pageSize: number;
}

export function useOrgs(params: OrgListParams) {
  return useQuery({
    queryKey: ['orgs', 'list', params],
    queryFn: () => api.get<OrgPage>('/api/orgs', { query: { ...params } }),
    placeholderData: keepPreviousData,
  });
}

export function useSaveOrg() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input, version }: { id?: number; input: TOrgCreate; version?: number }) =>
      id === undefined ? api.post<TOrg>('/api/orgs', input) : api.put<TOrg>(`/api/orgs/${id}`, { ...input, version }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['orgs'] }),
  });
}

export function useSetOrgDisabled() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ org, disabled }: { org: TOrg; disabled: boolean }) =>
      api.post<TOrg>(`/api/orgs/${org.id}/disable`, { disabled, version: org.version }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['orgs'] }),
  });
}

/** The latest copy of one organisation, e.g. after a 409 conflict. */
export function fetchOrg(id: number): Promise<TOrg> {
  return api.get<TOrg>(`/api/orgs/${id}`);
}
