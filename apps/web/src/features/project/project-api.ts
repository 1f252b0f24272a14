import type {
  TApplication,
  TApplicationCreate,
  TApplicationSummary,
  TApplicationUpdate,
  TCall,
  TCallChecks,
  TCallInput,
  TCallPage,
  TProgramme,
  TPublicCall,
} from '@kechuang/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryValue } from '../../lib/api.ts';

/*
 * The calls and applications side of the projects module: 申报指南, 申报书 and their desk steps
 * (推荐, 形式审查, 退回, 立项决定). Every mutation refreshes the module's cached lists.
 */

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function usePublicCalls() {
  return useQuery({ queryKey: ['public-calls'], queryFn: () => api.get<TPublicCall[]>('/api/public/project-calls', { quiet: true }) });
}

export function useProgrammes() {
  return useQuery({ queryKey: ['projects', 'programmes'], queryFn: () => api.get<TProgramme[]>('/api/project-programmes') });
}

export function useCalls(query: Record<string, QueryValue>) {
  return useQuery({
    queryKey: ['projects', 'calls', query],
    queryFn: () => api.get<TCallPage>('/api/project-calls', { query }),
    placeholderData: keepPreviousData,
  });
}

/** 主管部门 an applicant may name (calls recommended by departments; empty for the others). */
export function useRecommenders(callId: number | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['projects', 'recommenders', callId],
    queryFn: () => api.get<Array<{ id: number; name: string }>>(`/api/project-calls/${callId}/recommenders`),
    enabled: callId !== undefined && enabled,
  });
}

export function useCall(id: number | undefined) {
  return useQuery({
    queryKey: ['projects', 'call', id],
    queryFn: () => api.get<TCall>(`/api/project-calls/${id}`),
    enabled: id !== undefined,
  });
}

export function useCallChecks(id: number | undefined) {
  return useQuery({
    queryKey: ['projects', 'checks', id],
    queryFn: () => api.get<TCallChecks>(`/api/project-calls/${id}/checks`),
    enabled: id !== undefined,
  });
}

export function useApplications(query: Record<string, QueryValue>) {
  return useQuery({
    queryKey: ['projects', 'applications', query],
    queryFn: () => api.get<Page<TApplicationSummary>>('/api/project-applications', { query }),
    placeholderData: keepPreviousData,
  });
}

export function useApplication(id: number | undefined) {
  return useQuery({
    queryKey: ['projects', 'application', id],
    queryFn: () => api.get<TApplication>(`/api/project-applications/${id}`),
    enabled: id !== undefined,
  });
}

/** A change to the module's records: afterwards every cached list and record of the module is stale. */
export function useProjectMutation<V, R>(call: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['projects'] }),
  });
}

export const callApi = {
  create: (input: TCallInput) => api.post<TCall>('/api/project-calls', input),
  update: (id: number, input: TCallInput & { version: number }) => api.put<TCall>(`/api/project-calls/${id}`, input),
  publish: (c: Pick<TCall, 'id' | 'version'>) => api.post<TCall>(`/api/project-calls/${c.id}/publish`, { version: c.version }),
  close: (c: Pick<TCall, 'id' | 'version'>) => api.post<TCall>(`/api/project-calls/${c.id}/close`, { version: c.version }),
};

export const applicationApi = {
  create: (input: TApplicationCreate) => api.post<TApplication>('/api/project-applications', input),
  update: (id: number, input: TApplicationUpdate) => api.put<TApplication>(`/api/project-applications/${id}`, input),
  submit: (a: Pick<TApplication, 'id' | 'version'>) =>
    api.post<TApplication>(`/api/project-applications/${a.id}/submit`, { version: a.version }),
  recommend: (a: Pick<TApplication, 'id' | 'version'>, opinion: string | null) =>
    api.post<TApplication>(`/api/project-applications/${a.id}/recommend`, { version: a.version, opinion }),
  withdraw: (a: Pick<TApplication, 'id' | 'version'>) =>
    api.post<TApplication>(`/api/project-applications/${a.id}/withdraw`, { version: a.version }),
  return: (a: Pick<TApplication, 'id' | 'version'>, reasons: string[]) =>
    api.post<TApplication>(`/api/project-applications/${a.id}/return`, { version: a.version, reasons }),
  pass: (a: Pick<TApplication, 'id' | 'version'>, checklist: { item: string; ok: boolean }[]) =>
    api.post<TApplication>(`/api/project-applications/${a.id}/formal-check`, { version: a.version, checklist }),
  decide: (a: Pick<TApplication, 'id' | 'version'>, selected: boolean, grantedFen: number | undefined, note: string | null) =>
    api.post<TApplication>(`/api/project-applications/${a.id}/decision`, {
      version: a.version,
      selected,
      ...(grantedFen !== undefined ? { grantedFen } : {}),
      note,
    }),
};
