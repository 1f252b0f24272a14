import type { TPlanCreate, TPlanDetail, TPlanImportResult, TPlanSummary } from '@kechuang/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, uploadBytes } from '../../lib/api.ts';

export interface PlanListParams {
  q?: string;
  year?: number;
  page: number;
  pageSize: number;
}

export interface PlanPage {
  items: TPlanSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export function usePlans(params: PlanListParams) {
  return useQuery({
    queryKey: ['plans', 'list', params],
    queryFn: () => api.get<PlanPage>('/api/plans', { query: { ...params } }),
    placeholderData: keepPreviousData,
  });
}

export function usePlan(id: number) {
  return useQuery({
    queryKey: ['plans', 'detail', id],
    queryFn: () => api.get<TPlanDetail>(`/api/plans/${id}`),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** Sends the file's bytes as they are; the server reads the format from the name and the content. */
export function importPlanFile(file: File, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<TPlanImportResult> {
  return uploadBytes<TPlanImportResult>('/api/plans/import', file, {
    query: { filename: file.name },
    onProgress,
    ...(signal ? { signal } : {}),
  });
}

export function importPlanText(text: string): Promise<TPlanImportResult> {
  return api.post<TPlanImportResult>('/api/plans/import/text', { text });
}

export function useCreatePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TPlanCreate) => api.post<TPlanDetail>('/api/plans', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['plans'] }),
  });
}
