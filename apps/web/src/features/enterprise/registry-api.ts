import type {
  TAssessmentResult,
  TEnterprise,
  TEnterpriseCreate,
  TEnterpriseDetail,
  TEnterpriseDisclosure,
  TEnterpriseIncidentInput,
  TEnterpriseIpInput,
  TEnterpriseUpdate,
  TEnterpriseYearInput,
  TFunnel,
  TLadderRung,
  TLadderStatusInput,
  TReservePool,
  TReserveRulesInput,
  TReserveRulesView,
  TTechSmeRegistrationInput,
  TTechSmeRevocationInput,
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

/** Any change that returns the enterprise's record: cache it, then refresh lists, assessment and pool. */
function useRecordMutation<V>(call: (v: V) => Promise<TEnterpriseDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (detail) => {
      queryClient.setQueryData(['enterprises', 'detail', detail.id], detail);
      return queryClient.invalidateQueries({ queryKey: ['enterprises'] });
    },
  });
}

export function useCreateEnterprise() {
  return useRecordMutation((input: TEnterpriseCreate) => api.post<TEnterpriseDetail>('/api/enterprises', input));
}

export function useUpdateEnterprise(id: number) {
  return useRecordMutation((input: TEnterpriseUpdate) => api.put<TEnterpriseDetail>(`/api/enterprises/${id}`, input));
}

export function useAddStatus(id: number) {
  return useRecordMutation((input: TLadderStatusInput) => api.post<TEnterpriseDetail>(`/api/enterprises/${id}/statuses`, input));
}

export function useRegisterTechSme(id: number) {
  return useRecordMutation((input: TTechSmeRegistrationInput) =>
    api.post<TEnterpriseDetail>(`/api/enterprises/${id}/tech-sme-registrations`, input),
  );
}

export function useRevokeTechSme(id: number) {
  return useRecordMutation(({ registrationId, ...input }: TTechSmeRevocationInput & { registrationId: number }) =>
    api.post<TEnterpriseDetail>(`/api/enterprises/${id}/tech-sme-registrations/${registrationId}/revoke`, input),
  );
}

export function useAddIp(id: number) {
  return useRecordMutation((input: TEnterpriseIpInput) => api.post<TEnterpriseDetail>(`/api/enterprises/${id}/ip-items`, input));
}

export function useRemoveIp(id: number) {
  return useRecordMutation((itemId: number) => api.delete<TEnterpriseDetail>(`/api/enterprises/${id}/ip-items/${itemId}`));
}

export function useAddIncident(id: number) {
  return useRecordMutation((input: TEnterpriseIncidentInput) => api.post<TEnterpriseDetail>(`/api/enterprises/${id}/incidents`, input));
}

export function useRemoveIncident(id: number) {
  return useRecordMutation((itemId: number) => api.delete<TEnterpriseDetail>(`/api/enterprises/${id}/incidents/${itemId}`));
}

export function useSetDisclosure(id: number) {
  return useRecordMutation((input: TEnterpriseDisclosure) => api.put<TEnterpriseDetail>(`/api/enterprises/${id}/disclosure`, input));
}

export function useReserveRules(region: string | undefined) {
  return useQuery({
    queryKey: ['enterprises', 'reserve-rules', region ?? null],
    queryFn: () => api.get<TReserveRulesView>('/api/enterprises/reserve/rules', { query: { region } }),
  });
}

export function useSaveReserveRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TReserveRulesInput) => api.put<TReserveRulesView>('/api/enterprises/reserve/rules', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['enterprises'] }),
  });
}
