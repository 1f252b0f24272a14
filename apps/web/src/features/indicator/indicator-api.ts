import type {
  TComparison,
  TEvaluationRun,
  TEvaluationSchemeInput,
  TIndicator,
  TIndicatorCreate,
  TIndicatorImportResult,
  TIndicatorUpdate,
  TIndicatorValue,
  TIndicatorValueInput,
  TIndicatorValueKind,
  TJob,
  TPlanTargetComparison,
  TRanking,
  TRegionProfile,
  TRunRegion,
  TRunSummary,
  TStoredScheme,
} from '@kechuang/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, uploadBytes } from '../../lib/api.ts';

const base = '/api/indicators';

/** The whole catalog; rarely changes, so it is kept for a while. */
export function useCatalog() {
  return useQuery({ queryKey: ['indicators', 'catalog'], queryFn: () => api.get<TIndicator[]>(base), staleTime: 5 * 60_000 });
}

export function useSaveIndicator() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (arg: { create: TIndicatorCreate } | { code: string; update: TIndicatorUpdate }) =>
      'create' in arg ? api.post<TIndicator>(base, arg.create) : api.patch<TIndicator>(`${base}/${arg.code}`, arg.update),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['indicators'] }),
  });
}

export interface ValueFilters {
  region?: string | undefined;
  indicator?: string | undefined;
  period?: string | undefined;
  kind?: TIndicatorValueKind | undefined;
}

export function useValues(filters: ValueFilters) {
  return useQuery({
    queryKey: ['indicators', 'values', filters],
    queryFn: () => api.get<TIndicatorValue[]>(`${base}/values`, { query: { ...filters, limit: 5000 } }),
    placeholderData: keepPreviousData,
  });
}

export interface ValueKey {
  indicator: string;
  region: string;
  period: string;
  kind: TIndicatorValueKind;
}

export function useValueHistory(key: ValueKey | null) {
  return useQuery({
    queryKey: ['indicators', 'history', key],
    queryFn: () => api.get<{ versions: TIndicatorValue[] }>(`${base}/values/history`, { query: { ...(key as ValueKey) } }),
    enabled: key !== null,
  });
}

export function useRecordValue() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TIndicatorValueInput) => api.post<TIndicatorValue>(`${base}/values`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['indicators'] }),
  });
}

export function importValuesFile(file: File, dryRun: boolean) {
  // `false` would be left out of the query string (and the server defaults to a dry run)
  return uploadBytes<TIndicatorImportResult>(`${base}/values/import`, file, {
    query: { dryRun: dryRun ? 'true' : 'false', filename: file.name },
  });
}

export function useProfile(region: string | undefined, fromYear: number, toYear: number) {
  return useQuery({
    queryKey: ['indicators', 'profile', region, fromYear, toYear],
    queryFn: () => api.get<TRegionProfile>(`${base}/profile`, { query: { region, fromYear, toYear } }),
    enabled: Boolean(region),
    placeholderData: keepPreviousData,
  });
}

export function useRanking(q: { indicator: string | undefined; region: string | undefined; period: string; kind: TIndicatorValueKind }) {
  return useQuery({
    queryKey: ['indicators', 'ranking', q],
    queryFn: () => api.get<TRanking>(`${base}/ranking`, { query: { ...q } }),
    enabled: Boolean(q.indicator && q.region && q.period),
    placeholderData: keepPreviousData,
  });
}

export function useComparison(q: { regions: string[]; indicators: string[]; period: string; kind: TIndicatorValueKind }) {
  return useQuery({
    queryKey: ['indicators', 'comparison', q],
    queryFn: () =>
      api.get<TComparison>(`${base}/comparison`, {
        query: { regions: q.regions.join(','), indicators: q.indicators.join(',') || undefined, period: q.period, kind: q.kind },
      }),
    enabled: q.regions.length > 0 && Boolean(q.period),
    placeholderData: keepPreviousData,
  });
}

export function usePlanTargets(indicator: string | undefined) {
  return useQuery({
    queryKey: ['indicators', 'plan-targets', indicator],
    queryFn: () => api.get<TPlanTargetComparison>(`${base}/plan-targets`, { query: { indicator } }),
    enabled: Boolean(indicator),
    placeholderData: keepPreviousData,
  });
}

export function useSchemes() {
  return useQuery({ queryKey: ['indicators', 'schemes'], queryFn: () => api.get<TStoredScheme[]>(`${base}/evaluations`) });
}

export function useDeleteScheme() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (arg: { id: number; version: number }) => api.delete<{ ok: true }>(`${base}/evaluations/${arg.id}?version=${arg.version}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['indicators'] }),
  });
}

export function useSaveScheme() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (arg: { id: number | null; input: TEvaluationSchemeInput; version?: number }) =>
      arg.id === null
        ? api.post<TStoredScheme>(`${base}/evaluations`, arg.input)
        : api.put<TStoredScheme>(`${base}/evaluations/${arg.id}`, { ...arg.input, version: arg.version }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['indicators', 'schemes'] }),
  });
}

export function useRuns(schemeId: number | undefined) {
  return useQuery({
    queryKey: ['indicators', 'runs', schemeId],
    queryFn: () => api.get<TRunSummary[]>(`${base}/evaluations/${schemeId}/runs`),
    enabled: schemeId !== undefined,
  });
}

/** Starts a run as a background job (answered at once with the job; the page follows it with useJob). */
export function useStartRun() {
  return useMutation({
    mutationFn: (arg: { schemeId: number; year: number; samples: number; perturbation: number }) =>
      api.post<TJob>(`${base}/evaluations/${arg.schemeId}/runs/jobs`, {
        year: arg.year,
        samples: arg.samples,
        perturbation: arg.perturbation,
      }),
  });
}

export function useRun(runId: number | undefined) {
  return useQuery({
    queryKey: ['indicators', 'run', runId],
    queryFn: () => api.get<TEvaluationRun>(`${base}/evaluation-runs/${runId}`),
    enabled: runId !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useRunRegion(runId: number | undefined, code: string | undefined) {
  return useQuery({
    queryKey: ['indicators', 'run-region', runId, code],
    queryFn: () => api.get<TRunRegion>(`${base}/evaluation-runs/${runId}/regions/${code}`),
    enabled: runId !== undefined && Boolean(code),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
