import type {
  TIntegrityPack,
  TIntegrityPage,
  TIntegrityRecord,
  TIntegrityRecordInput,
  TIntegritySubject,
  TIntegritySuggestion,
  TPublicIntegrityPage,
} from '@kechuang/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryValue } from '../../lib/api.ts';

/*
 * 科研诚信: the bureau's register of records, the suggestions from projects, the subject lookup and the public
 * 红黑名单. Every mutation refreshes the module's cached lists.
 */

export function useRecords(query: Record<string, QueryValue>) {
  return useQuery({
    queryKey: ['integrity', 'records', query],
    queryFn: () => api.get<TIntegrityPage>('/api/integrity/records', { query }),
    placeholderData: keepPreviousData,
  });
}

export function usePacks() {
  return useQuery({
    queryKey: ['integrity', 'packs'],
    queryFn: () => api.get<TIntegrityPack[]>('/api/integrity/packs'),
    staleTime: Infinity,
  });
}

export function useSuggestions() {
  return useQuery({ queryKey: ['integrity', 'suggestions'], queryFn: () => api.get<TIntegritySuggestion[]>('/api/integrity/suggestions') });
}

export function useSubjects(kind: 'person' | 'org', q: string) {
  return useQuery({
    queryKey: ['integrity', 'subjects', kind, q],
    queryFn: () => api.get<TIntegritySubject[]>('/api/integrity/subjects', { query: { kind, q } }),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

export function usePublicRecords(query: Record<string, QueryValue>) {
  return useQuery({
    queryKey: ['public-integrity', query],
    queryFn: () => api.get<TPublicIntegrityPage>('/api/public/integrity-records', { query, quiet: true }),
    placeholderData: keepPreviousData,
  });
}

export function useIntegrityMutation<V, R>(call: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['integrity'] }) });
}

type Ref = Pick<TIntegrityRecord, 'id' | 'version'>;
export const recordApi = {
  create: (input: TIntegrityRecordInput) => api.post<TIntegrityRecord>('/api/integrity/records', input),
  update: (id: number, input: TIntegrityRecordInput & { version: number }) =>
    api.put<TIntegrityRecord>(`/api/integrity/records/${id}`, input),
  confirm: (r: Ref) => api.post<TIntegrityRecord>(`/api/integrity/records/${r.id}/confirm`, { version: r.version }),
  publish: (r: Ref) => api.post<TIntegrityRecord>(`/api/integrity/records/${r.id}/publish`, { version: r.version }),
  revoke: (r: Ref, reason: string) => api.post<TIntegrityRecord>(`/api/integrity/records/${r.id}/revoke`, { version: r.version, reason }),
  appeal: (r: Ref, appealStatus: TIntegrityRecord['appealStatus'], note: string) =>
    api.post<TIntegrityRecord>(`/api/integrity/records/${r.id}/appeal`, { version: r.version, appealStatus, note }),
  dismiss: (eventId: number, reason: string) => api.post<{ ok: true }>(`/api/integrity/suggestions/${eventId}/dismiss`, { reason }),
};

/** 自 2026-04-01 至 2029-04-01 / 永久 */
export function periodText(
  r: { periodStart: string | null; periodEnd: string | null; permanent: boolean },
  t: (k: 'integrity.page.permanentText' | 'integrity.page.none') => string,
): string {
  if (!r.periodStart) return t('integrity.page.none');
  if (r.permanent) return `${r.periodStart} ～ ${t('integrity.page.permanentText')}`;
  return `${r.periodStart} ～ ${r.periodEnd ?? ''}`;
}
