import type { TBoundaryReport, TRegionBoundary } from '@kechuang/contracts';
import { useQuery } from '@tanstack/react-query';
import { api, isApiError, uploadBytes } from '../../lib/api.ts';

const base = '/api/indicators/boundaries';

/** The uploaded boundary file of a parent region, or null when none has been uploaded. */
export function useBoundary(region: string | undefined) {
  return useQuery({
    queryKey: ['indicators', 'boundary', region],
    queryFn: async (): Promise<TRegionBoundary | null> => {
      try {
        return await api.get<TRegionBoundary>(`${base}/${region}`);
      } catch (e) {
        if (isApiError(e) && e.code === 'indicator/boundary_not_found') return null;
        throw e;
      }
    },
    enabled: Boolean(region),
    staleTime: 5 * 60_000,
  });
}

export function uploadBoundaryFile(region: string, file: File, note: string) {
  // `false` would be left out of the query string; say it explicitly
  return uploadBytes<TBoundaryReport>(`${base}/${region}`, file, { query: { dryRun: 'false', note } });
}

export function deleteBoundary(region: string) {
  return api.delete<{ deleted: true }>(`${base}/${region}`);
}
