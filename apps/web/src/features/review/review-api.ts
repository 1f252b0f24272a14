import type {
  TAvoidance,
  TDrawConstraintsInput,
  TDrawRecord,
  TDrawSummary,
  TMyAssignment,
  TPanel,
  TReviewRanking,
  TReviewSubjectKind,
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
 * 专家抽取与评审 over the API: a batch's rubric, draws, panels and ranking for the bureau — the batch being a
 * project call, a platform 认定 round or (for an acceptance) the project itself, told apart by the subject kind;
 * the expert's own assignments, declarations and score sheets; an applicant's avoidance requests. Every
 * mutation refreshes the module's cached queries.
 */

type Kind = TReviewSubjectKind;
const dflt: Kind = 'project_application';

export function useRubric(batchId: number | undefined, subjectKind: Kind = dflt) {
  return useQuery({
    queryKey: ['review', 'rubric', subjectKind, batchId],
    queryFn: () => api.get<TRubric>('/api/review/rubrics', { query: { subjectKind, batchId } }),
    enabled: batchId !== undefined,
  });
}

export function useDraws(batchId: number | undefined, subjectKind: Kind = dflt) {
  return useQuery({
    queryKey: ['review', 'draws', subjectKind, batchId],
    queryFn: () => api.get<TDrawSummary[]>('/api/review/draws', { query: { subjectKind, batchId } }),
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

export function useRanking(batchId: number | undefined, subjectKind: Kind = dflt) {
  return useQuery({
    queryKey: ['review', 'ranking', subjectKind, batchId],
    queryFn: () => api.get<TReviewRanking>('/api/review/ranking', { query: { subjectKind, batchId } }),
    enabled: batchId !== undefined,
  });
}

/** One subject's review result, for the decision step (quiet: applicants are refused and see nothing). */
export function useSubjectResult(subjectId: number | undefined, enabled = true, subjectKind: Kind = dflt) {
  return useQuery({
    queryKey: ['review', 'result', subjectKind, subjectId],
    queryFn: () => api.get<TSubjectResult>('/api/review/result', { query: { subjectKind, subjectId }, quiet: true }),
    enabled: enabled && subjectId !== undefined,
  });
}

/** The avoidance requests (回避申请) of one subject: its own unit's, or the bureau's view. */
export function useAvoidances(subjectId: number | undefined, subjectKind: Kind = dflt) {
  return useQuery({
    queryKey: ['review', 'avoidances', subjectKind, subjectId],
    queryFn: () => api.get<TAvoidance[]>('/api/review/avoidances', { query: { subjectKind, subjectId } }),
    enabled: subjectId !== undefined,
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
      mutationFn: (body: { subjectKind?: Kind; batchId: number; subjectIds?: number[]; constraints: TDrawConstraintsInput }) =>
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
    addAvoidance: useMutation({
      mutationFn: (body: { subjectKind: Kind; subjectId: number; personName?: string | null; orgName?: string | null; reason: string }) =>
        api.post<TAvoidance>('/api/review/avoidances', body),
      ...opts,
    }),
    removeAvoidance: useMutation({
      mutationFn: (id: number) => api.delete<{ id: number }>(`/api/review/avoidances/${id}`),
      ...opts,
    }),
    score: useMutation({
      mutationFn: (v: { id: number; body: TScoreInput }) => api.put<{ total: string }>(`/api/review/assignments/${v.id}/score`, v.body),
      ...opts,
    }),
  };
}
