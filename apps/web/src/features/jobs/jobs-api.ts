import type { TJob } from '@kechuang/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

/** A job has ended once it succeeded or failed: nothing more to follow. */
export const jobEnded = (job: TJob | undefined) => job?.status === 'succeeded' || job?.status === 'failed';

/** Follows a background job (null: none): asks again every 0.8 s until it has ended. */
export function useJob(id: number | null) {
  return useQuery({
    queryKey: ['job', id],
    queryFn: () => api.get<TJob>(`/api/jobs/${id}`),
    enabled: id !== null,
    refetchInterval: (query) => (jobEnded(query.state.data) ? false : 800),
    refetchIntervalInBackground: true,
  });
}
