import type {
  TPlatformApplication,
  TPlatformCall,
  TPlatformDetail,
  TPlatformEvaluation,
  TPlatformEvaluationDetail,
  TPlatformPage,
  TPlatformStats,
  TPlatformType,
  TPublicPlatformPage,
} from '@kechuang/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryValue } from '../../lib/api.ts';

/* 创新平台: the registry, rounds, applications, evaluations and statistics; every mutation refreshes the module. */

export function usePlatformTypes() {
  return useQuery({ queryKey: ['platform', 'types'], queryFn: () => api.get<TPlatformType[]>('/api/platform-types'), staleTime: Infinity });
}

export function usePlatforms(query: Record<string, QueryValue>) {
  return useQuery({
    queryKey: ['platform', 'list', query],
    queryFn: () => api.get<TPlatformPage>('/api/platforms', { query }),
    placeholderData: keepPreviousData,
  });
}

export function usePlatform(id: number | null) {
  return useQuery({
    queryKey: ['platform', 'detail', id],
    queryFn: () => api.get<TPlatformDetail>(`/api/platforms/${id}`),
    enabled: id !== null,
  });
}

export function usePlatformCalls() {
  return useQuery({ queryKey: ['platform', 'calls'], queryFn: () => api.get<TPlatformCall[]>('/api/platform-calls') });
}

export function usePlatformApplications(callId?: number) {
  return useQuery({
    queryKey: ['platform', 'applications', callId ?? null],
    queryFn: () => api.get<TPlatformApplication[]>('/api/platform-applications', { query: { callId } }),
  });
}

export function usePlatformEvaluations() {
  return useQuery({ queryKey: ['platform', 'evaluations'], queryFn: () => api.get<TPlatformEvaluation[]>('/api/platform-evaluations') });
}

export function usePlatformEvaluation(id: number | null) {
  return useQuery({
    queryKey: ['platform', 'evaluation', id],
    queryFn: () => api.get<TPlatformEvaluationDetail>(`/api/platform-evaluations/${id}`),
    enabled: id !== null,
  });
}

export function usePlatformStats(year: number) {
  return useQuery({
    queryKey: ['platform', 'stats', year],
    queryFn: () => api.get<TPlatformStats>('/api/platform-stats', { query: { year } }),
    placeholderData: keepPreviousData,
  });
}

export function usePublicPlatforms(query: Record<string, QueryValue>) {
  return useQuery({
    queryKey: ['public-platforms', query],
    queryFn: () => api.get<TPublicPlatformPage>('/api/public/platforms', { query, quiet: true }),
    placeholderData: keepPreviousData,
  });
}

export function usePlatformMutation<V, R>(call: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['platform'] }) });
}
