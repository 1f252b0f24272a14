import type {
  TDrawConstraintsInput,
  TDrawRecord,
  TDrawSummary,
  TMyAssignment,
  TPanel,
  TReviewRanking,
  TReviewSubjectView,
  TRubric,
  TRubricInput,
  TScoreInput,
  TSubjectResult,
  TVerifyResult,
} from '@kechuang/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

/*
 * 专家抽取与评审 over the API: a batch's (call's) rubric, draws, panels and ranking for the bureau; the expert's
 * own assignments, declarations and score sheets. Every mutation refreshes the module's cached queries.
 */

export function useRubric(batchId: number | undefined) {
  return useQuery({
    queryKey: ['review', 'rubric', batchId],
    queryFn: () => api.get<TRubric>('/api/review/rubrics', { query: { batchId } }),
    enabled: batchId !== undefined,
  });
}

export function useDraws(batchId: number | undefined) {
  return useQuery({
    queryKey: ['review', 'draws', batchId],
    queryFn: () => api.get<TDrawSummary[]>('/api/review/draws', { query: { batchId } }),
    enabled: batchId !== undefined,
  });
}

export function useDraw(id: number | undefined) {
  return useQuery({
    queryKey: ['review', 'draw', id],
    queryFn: () => api.get<TDrawRecord>(`/api/review/draws/${id}`),
    enabled: id !== undefined,
  });
}

export function usePanel(id: number | undefined) {
  return useQuery({
    queryKey: ['review', 'panel', id],
    queryFn: () => api.get<TPanel>(`/api/review/panels/${id}`),
    enabled: id !== undefined,
  });
}

export function useRanking(batchId: number | undefined) {
  return useQuery({
    queryKey: ['review', 'ranking', batchId],
    queryFn: () => api.get<TReviewRanking>('/api/review/ranking', { query: { batchId } }),
    enabled: batchId !== undefined,
  });
}

/** One application's review result, for the decision step (quiet: applicants are refused and see nothing). */
export function useSubjectResult(subjectId: number | undefined, enabled = true) {
  return useQuery({
    queryKey: ['review', 'result', subjectId],
    queryFn: () => api.get<TSubjectResult>('/api/review/result', { query: { subjectId }, quiet: true }),
    enabled: enabled && subjectId !== undefined,
  });
}

export function useMyAssignments() {
  return useQuery({ queryKey: ['review', 'mine'], queryFn: () => api.get<TMyAssignment[]>('/api/review/assignments/mine') });
}

export function useAssignmentSubject(id: number | undefined) {
  return useQuery({
    queryKey: ['review', 'subject', id],
    queryFn: () => api.get<TReviewSubjectView>(`/api/review/assignments/${id}/subject`),
    enabled: id !== undefined,
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['review'] });
}

export function useReviewMutations() {
  const invalidate = useInvalidate();
  const opts = { onSuccess: invalidate };
  return {
    saveRubric: useMutation({ mutationFn: (body: TRubricInput) => api.put<TRubric>('/api/review/rubrics', body), ...opts }),
    draw: useMutation({
      mutationFn: (body: { batchId: number; subjectIds?: number[]; constraints: TDrawConstraintsInput }) =>
        api.post<TDrawRecord>('/api/review/draws', body),
      ...opts,
    }),
    open: useMutation({ mutationFn: (id: number) => api.post<TDrawRecord>(`/api/review/draws/${id}/open`), ...opts }),
    verify: useMutation({ mutationFn: (id: number) => api.get<TVerifyResult>(`/api/review/draws/${id}/verify`) }),
    declare: useMutation({
      mutationFn: (v: { id: number; conflict: boolean; decline?: boolean; reason?: string | null }) =>
        api.post<{ status: string; replacedBy: number | null }>(`/api/review/assignments/${v.id}/declare`, {
          conflict: v.conflict,
          ...(v.decline ? { decline: true } : {}),
          reason: v.reason ?? null,
        }),
      ...opts,
    }),
    score: useMutation({
      mutationFn: (v: { id: number; body: TScoreInput }) => api.put<{ total: string }>(`/api/review/assignments/${v.id}/score`, v.body),
      ...opts,
    }),
  };
}
