import type {
  TAssessmentResult,
  TEnterprise,
  TEnterpriseDetail,
  TEnterpriseYearInput,
  TFunnel,
  TLadderRung,
  TReservePool,
} from '@kechuang/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

export interface EnterpriseListParams {
  q?: string;
  region?: string;
  rung?: TLadderRung;
  page: number;
  pageSize: number;
}

export interface EnterprisePage {
  items: TEnterprise[];
  total: number;
  page: number;
  pageSize: number;
}

export function useEnterprises(params: EnterpriseListParams, enabled = true) {
  return useQuery({
    queryKey: ['enterprises', 'list', params],
    queryFn: () => api.get<EnterprisePage>('/api/enterprises', { query: { ...params } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useFunnel(region: string | undefined, year: number) {
  return useQuery({
    queryKey: ['enterprises', 'funnel', region ?? null, year],
    queryFn: () => api.get<TFunnel>('/api/enterprises/funnel', { query: { region, year } }),
    placeholderData: keepPreviousData,
  });
}

export function useReserve(region: string | undefined) {
  return useQuery({
    queryKey: ['enterprises', 'reserve', region ?? null],
    queryFn: () => api.get<TReservePool>('/api/enterprises/reserve', { query: { region, limit: 50 } }),
    placeholderData: keepPreviousData,
  });
}

export function useEnterprise(id: number | undefined) {
  return useQuery({
    queryKey: ['enterprises', 'detail', id],
    queryFn: () => api.get<TEnterpriseDetail>(`/api/enterprises/${id}`),
    enabled: id !== undefined,
  });
}

/** The latest copy of one enterprise's record. */
export function fetchEnterprise(id: number): Promise<TEnterpriseDetail> {
  return api.get<TEnterpriseDetail>(`/api/enterprises/${id}`);
}

export function useStoredAssessment(id: number | undefined) {
  return useQuery({
    queryKey: ['enterprises', 'assessment', id],
    queryFn: () => api.get<{ enterpriseId: number; result: TAssessmentResult }>(`/api/enterprises/${id}/assessment`),
    enabled: id !== undefined,
  });
}

export function useSaveYear(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ year, input }: { year: number; input: TEnterpriseYearInput }) =>
      api.put<TEnterpriseDetail>(`/api/enterprises/${id}/years/${year}`, input),
    onSuccess: (detail) => {
      queryClient.setQueryData(['enterprises', 'detail', id], detail);
      return queryClient.invalidateQueries({ queryKey: ['enterprises'] });
    },
  });
}
