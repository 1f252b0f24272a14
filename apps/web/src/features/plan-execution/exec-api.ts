import type {
  TAssignmentSet,
  TAssignmentSuggestions,
  TBulletin,
  TBulletinCreate,
  TDashboardQuery,
  TInbox,
  TJob,
  TPlanDashboard,
  TPlanExec,
  TPlanMetaPatch,
  TPlanNodeAdd,
  TPlanNodePatch,
  TPlanNodeReorder,
  TPlanProgress,
  TPlanRevision,
  TPlanXlsxImportResult,
  TProgressReport,
  TReportAttachment,
  TReportDraftCreate,
  TReportDraftUpdate,
  TReviewQueue,
  TSlotState,
  TTaskDetail,
} from '@kechuang/contracts';
import { keepPreviousData, type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, downloadFile, isApiError, uploadBytes } from '../../lib/api.ts';

/** Every query of one plan's execution shares this prefix, so a mutation can refresh them all at once. */
export const execKey = (planId: number) => ['plan-exec', planId] as const;

const validId = (id: number) => Number.isInteger(id) && id > 0;

/** After any change to a plan's tasks or reports: its views, the inbox and the notification count. */
export function refreshPlan(queryClient: QueryClient, planId: number) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: execKey(planId) }),
    queryClient.invalidateQueries({ queryKey: ['plan-inbox'] }),
    queryClient.invalidateQueries({ queryKey: ['plans'] }),
  ]);
}

export function usePlanExec(planId: number) {
  return useQuery({
    queryKey: [...execKey(planId), 'execution'],
    queryFn: () => api.get<TPlanExec>(`/api/plans/${planId}/execution`),
    enabled: validId(planId),
  });
}

export function usePlanProgress(planId: number) {
  return useQuery({
    queryKey: [...execKey(planId), 'progress'],
    queryFn: () => api.get<TPlanProgress>(`/api/plans/${planId}/progress`),
    enabled: validId(planId),
  });
}

export function useDashboard(planId: number, query: TDashboardQuery) {
  return useQuery({
    queryKey: [...execKey(planId), 'dashboard', query],
    queryFn: () => api.get<TPlanDashboard>(`/api/plans/${planId}/dashboard`, { query: { ...query } }),
    enabled: validId(planId),
    placeholderData: keepPreviousData,
  });
}

export function useRevisions(planId: number) {
  return useQuery({
    queryKey: [...execKey(planId), 'revisions'],
    queryFn: () => api.get<{ items: TPlanRevision[] }>(`/api/plans/${planId}/revisions`),
    enabled: validId(planId),
  });
}

export function useSuggestions(planId: number, enabled = true) {
  return useQuery({
    queryKey: [...execKey(planId), 'suggestions'],
    queryFn: () => api.get<TAssignmentSuggestions>(`/api/plans/${planId}/assignment-suggestions`),
    enabled: enabled && validId(planId),
    staleTime: 60_000,
  });
}

export function useTaskDetail(planId: number, nodeId: number) {
  return useQuery({
    queryKey: [...execKey(planId), 'task', nodeId],
    queryFn: () => api.get<TTaskDetail>(`/api/plans/${planId}/tasks/${nodeId}`),
    enabled: validId(planId) && validId(nodeId),
  });
}

export function useReviewQueue(planId: number, params: { orgId?: number | undefined; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...execKey(planId), 'review-queue', params],
    queryFn: () => api.get<TReviewQueue>(`/api/plans/${planId}/review-queue`, { query: { ...params } }),
    enabled: validId(planId),
    placeholderData: keepPreviousData,
  });
}

export function useReport(reportId: number | null) {
  return useQuery({
    queryKey: ['plan-report', reportId],
    queryFn: () => api.get<TProgressReport>(`/api/plan-reports/${reportId}`),
    enabled: reportId !== null && validId(reportId),
  });
}

export interface InboxParams {
  planId?: number | undefined;
  state?: TSlotState | undefined;
  page: number;
  pageSize: number;
}

export function useInbox(params: InboxParams) {
  return useQuery({
    queryKey: ['plan-inbox', params],
    queryFn: () => api.get<TInbox>('/api/plan-inbox', { query: { ...params } }),
    placeholderData: keepPreviousData,
  });
}

// ---------- plan editing ----------

/** Mutations answering with the whole plan put it straight into the cache, then refresh the derived views. */
function usePlanMutation<I>(planId: number, fn: (input: I) => Promise<TPlanExec>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (plan) => {
      queryClient.setQueryData([...execKey(planId), 'execution'], plan);
      // refresh the derived views in the background: the caller need not wait for them
      void refreshPlan(queryClient, planId);
    },
    // someone else changed the plan first: load its current version so the next try can go through
    onError: (e) => {
      if (isApiError(e) && e.code === 'common/conflict') void refreshPlan(queryClient, planId);
    },
  });
}

export function usePublishPlan(planId: number) {
  return usePlanMutation(planId, (input: { publish: boolean; version: number; reason: string }) =>
    api.post<TPlanExec>(`/api/plans/${planId}/${input.publish ? 'publish' : 'unpublish'}`, {
      version: input.version,
      reason: input.reason,
    }),
  );
}

export function usePatchPlanMeta(planId: number) {
  return usePlanMutation(planId, (input: TPlanMetaPatch) => api.patch<TPlanExec>(`/api/plans/${planId}`, input));
}

export function usePatchNode(planId: number) {
  return usePlanMutation(planId, ({ nodeId, ...input }: TPlanNodePatch & { nodeId: number }) =>
    api.patch<TPlanExec>(`/api/plans/${planId}/nodes/${nodeId}`, input),
  );
}

export function useAddNode(planId: number) {
  return usePlanMutation(planId, (input: TPlanNodeAdd) => api.post<TPlanExec>(`/api/plans/${planId}/nodes`, input));
}

/** Removes a node with its subtree (refused when any of it has reports); the version before stays in the history. */
export function useRemoveNode(planId: number) {
  return usePlanMutation(planId, ({ nodeId, version, reason }: { nodeId: number; version: number; reason: string }) =>
    api.delete<TPlanExec>(`/api/plans/${planId}/nodes/${nodeId}`, { query: { version, reason } }),
  );
}

export function useReorderNodes(planId: number) {
  return usePlanMutation(planId, (input: TPlanNodeReorder) => api.post<TPlanExec>(`/api/plans/${planId}/reorder`, input));
}

export function useSetAssignments(planId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ nodeId, ...input }: TAssignmentSet & { nodeId: number }) =>
      api.put<unknown>(`/api/plans/${planId}/nodes/${nodeId}/assignments`, input),
    onSuccess: () => {
      void refreshPlan(queryClient, planId);
    },
  });
}

// ---------- reports ----------

export function createDraft(input: TReportDraftCreate) {
  return api.post<TProgressReport>('/api/plan-reports', input);
}
export function updateDraft(reportId: number, input: TReportDraftUpdate) {
  return api.patch<TProgressReport>(`/api/plan-reports/${reportId}`, input);
}
export function submitReport(reportId: number, rowVersion: number) {
  return api.post<TProgressReport>(`/api/plan-reports/${reportId}/submit`, { rowVersion });
}
export function reviseReport(reportId: number) {
  return api.post<TProgressReport>(`/api/plan-reports/${reportId}/revise`, {});
}
export function deleteDraft(reportId: number) {
  return api.delete<{ ok: true }>(`/api/plan-reports/${reportId}`);
}
export function reviewReport(reportId: number, action: 'accept' | 'return', rowVersion: number, comment: string) {
  return api.post<TProgressReport>(`/api/plan-reports/${reportId}/${action}`, { rowVersion, comment });
}
export function uploadAttachment(reportId: number, file: File, onProgress?: (fraction: number) => void) {
  return uploadBytes<TReportAttachment>(`/api/plan-reports/${reportId}/attachments`, file, {
    query: { filename: file.name },
    ...(onProgress ? { onProgress } : {}),
  });
}
export function deleteAttachment(reportId: number, attachmentId: number) {
  return api.delete<{ ok: true }>(`/api/plan-reports/${reportId}/attachments/${attachmentId}`);
}
export function downloadAttachment(reportId: number, attachment: { id: number; filename: string }) {
  return downloadFile(`/api/plan-reports/${reportId}/attachments/${attachment.id}`, attachment.filename);
}

// ---------- Excel round trip ----------

export function exportPlanXlsx(planId: number, fallbackName: string) {
  return downloadFile(`/api/plans/${planId}/xlsx`, fallbackName);
}
export function importPlanXlsx(planId: number, file: File, dryRun: boolean) {
  // `false` would be left out of the query string (and the server defaults to a dry run)
  // a large file answers with a background job (202) whose result is this same answer
  return uploadBytes<TPlanXlsxImportResult | TJob>(`/api/plans/${planId}/xlsx`, file, { query: { dryRun: dryRun ? 'true' : 'false' } });
}

// ---------- bulletins ----------

export function useBulletins(planId: number) {
  return useQuery({
    queryKey: [...execKey(planId), 'bulletins'],
    queryFn: () => api.get<{ items: TBulletin[] }>(`/api/plans/${planId}/bulletins`),
    enabled: validId(planId),
  });
}

/** Starts a bulletin: the server answers at once with the job that builds it (follow it with useJob). */
export function useCreateBulletin(planId: number) {
  return useMutation({
    mutationFn: (input: TBulletinCreate) => api.post<TJob>(`/api/plans/${planId}/bulletins`, input),
  });
}

export function downloadBulletin(planId: number, bulletin: TBulletin, format: 'docx' | 'xlsx') {
  return downloadFile(`/api/plans/${planId}/bulletins/${bulletin.id}/${format}`, `${bulletin.title}.${format}`);
}
