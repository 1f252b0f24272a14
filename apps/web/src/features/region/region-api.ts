import type { TRegion, TRegionChange, TRegionChangeInput } from '@kechuang/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

export function useRegionDetail(code: string | undefined) {
  return useQuery({
    queryKey: ['regions', 'detail-full', code],
    queryFn: () => api.get<{ region: TRegion; path: TRegion[] }>(`/api/regions/${code}`),
    enabled: Boolean(code),
    staleTime: 5 * 60_000,
  });
}

export function useRegionChildren(code: string | undefined) {
  return useQuery({
    queryKey: ['regions', 'children-with-retired', code],
    queryFn: () => api.get<TRegion[]>('/api/regions', { query: { parent: code, includeRetired: true } }),
    enabled: Boolean(code),
    staleTime: 5 * 60_000,
  });
}

export function useRegionChanges() {
  return useQuery({ queryKey: ['regions', 'changes'], queryFn: () => api.get<TRegionChange[]>('/api/regions/changes') });
}

export function useRecordRegionChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TRegionChangeInput) => api.post<TRegionChange>('/api/regions/changes', input),
    // A change retires or creates regions: every cached region list may be stale now.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['regions'] }),
  });
}
