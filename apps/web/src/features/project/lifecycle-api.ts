import type { TChangeRequest, TProject, TProjectContract, TProjectSummary, TUpward } from '@kechuang/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type QueryValue, uploadBytes } from '../../lib/api.ts';
import type { Page } from './project-api.ts';

/* The project after 立项: 项目库, the project record and its steps, 争资. */

export function useProjects(query: Record<string, QueryValue>) {
  return useQuery({
    queryKey: ['projects', 'bank', query],
    queryFn: () => api.get<Page<TProjectSummary>>('/api/projects', { query }),
    placeholderData: keepPreviousData,
  });
}

export function useProject(id: number | undefined) {
  return useQuery({
    queryKey: ['projects', 'project', id],
    queryFn: () => api.get<TProject>(`/api/projects/${id}`),
    enabled: id !== undefined,
  });
}

export function useUpward(query: Record<string, QueryValue>) {
  return useQuery({ queryKey: ['projects', 'upward', query], queryFn: () => api.get<TUpward[]>('/api/project-upward', { query }) });
}

type Versioned = Pick<TProject, 'id' | 'version'>;
const base = (p: Pick<TProject, 'id'>) => `/api/projects/${p.id}`;

export const projectApi = {
  confirm: (p: Versioned, settle: { startOn?: string; endOn?: string; milestones?: TProjectContract['milestones'] } = {}) =>
    api.post<TProject>(`${base(p)}/contract/confirm`, { version: p.version, ...settle }),
  pay: (p: Versioned, input: { amountFen: number; paidOn: string; milestone: string | null; note: string | null }) =>
    api.post<TProject>(`${base(p)}/payments`, { version: p.version, ...input }),
  report: (
    p: Versioned,
    input: {
      kind: 'periodic' | 'midterm' | 'tech_report';
      period: string | null;
      progress: string;
      outcome: 'good' | 'fair' | 'poor' | null;
    },
  ) =>
    api.post<TProject>(`${base(p)}/reports`, {
      kind: input.kind,
      period: input.period,
      content: { progress: input.progress },
      ...(input.kind === 'midterm' ? { outcome: input.outcome } : {}),
    }),
  reportFile: (p: Versioned, reportId: number, file: File) =>
    uploadBytes<TProject>(`${base(p)}/reports/${reportId}/file`, file, { query: { filename: file.name } }),
  requestChange: (p: Versioned, input: TChangeRequest) => api.post<TProject>(`${base(p)}/changes`, input),
  decideChange: (p: Versioned, changeId: number, approve: boolean, note: string | null) =>
    api.post<TProject>(`${base(p)}/changes/${changeId}/decision`, { approve, note }),
  requestAcceptance: (p: Versioned) => api.post<TProject>(`${base(p)}/acceptance/request`, { version: p.version }),
  accept: (
    p: Versioned,
    input: {
      taskResult: 'pass' | 'fail';
      financeResult: 'pass' | 'fail';
      verdict: 'pass' | 'conclude' | 'rectify' | 'fail';
      targetResults: { name: string; promised: string; achieved: string; met: boolean }[];
      note: string | null;
    },
  ) => api.post<TProject>(`${base(p)}/acceptance`, { version: p.version, ...input }),
  end: (p: Versioned, kind: 'terminate' | 'revoke', reason: string) =>
    api.post<TProject>(`${base(p)}/end`, { version: p.version, kind, reason }),
};

export const upwardApi = {
  create: (input: Omit<TUpward, 'id' | 'status' | 'wonFen' | 'version' | 'projectId'> & { projectId?: number | null }) =>
    api.post<TUpward>('/api/project-upward', input),
  result: (u: Pick<TUpward, 'id' | 'version'>, status: 'won' | 'lost', wonFen?: number) =>
    api.post<TUpward>(`/api/project-upward/${u.id}/result`, { version: u.version, status, ...(wonFen !== undefined ? { wonFen } : {}) }),
};
