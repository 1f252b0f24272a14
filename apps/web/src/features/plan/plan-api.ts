import type { TJob, TPlanCreate, TPlanCreateJobResult, TPlanDetail, TPlanImportResult, TPlanSummary } from '@kechuang/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, uploadBytes } from '../../lib/api.ts';
import { isJob, useFollowJob } from './use-follow-job.ts';

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

/**
 * The confirm step: a small plan is created at once; a large one answers with a background job, followed here
 * until the plan exists (`job` for its progress bar meanwhile). Resolves with the created plan's id either way.
 */
export function useCreatePlan() {
  const queryClient = useQueryClient();
  const follower = useFollowJob<TPlanCreateJobResult>();
  const mutation = useMutation({
    mutationFn: async (input: TPlanCreate): Promise<{ id: number }> => {
      const out = await api.post<TPlanDetail | TJob>('/api/plans', input);
      return isJob(out) ? (await follower.follow(out)).plan : out;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['plans'] }),
  });
  return { ...mutation, job: follower.job };
}
