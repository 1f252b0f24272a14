import type {
  TCommissioner,
  TCommissionerCounts,
  TServiceConfirmView,
  TServiceLog,
  TServiceTargetRow,
  TTalent,
  TTalentProgramme,
  TTeam,
} from '@kechuang/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryValue } from '../../lib/api.ts';

/* 科技人才与科技特派员: reads and mutations; every mutation makes the module's cached lists stale. */

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const useTalents = (query: Record<string, QueryValue>) =>
  useQuery({
    queryKey: ['talent', 'people', query],
    queryFn: () => api.get<Page<TTalent>>('/api/talent/people', { query }),
    placeholderData: keepPreviousData,
  });

export const useCommissioners = (query: Record<string, QueryValue>) =>
  useQuery({
    queryKey: ['talent', 'commissioners', query],
    queryFn: () => api.get<Page<TCommissioner>>('/api/talent/commissioners', { query }),
    placeholderData: keepPreviousData,
  });

export const useCounts = (year: number) =>
  useQuery({
    queryKey: ['talent', 'counts', year],
    queryFn: () => api.get<TCommissionerCounts>('/api/talent/commissioner-counts', { query: { year } }),
  });

export const useMyCommission = () =>
  useQuery({
    queryKey: ['talent', 'mine'],
    queryFn: () => api.get<{ commissioner: TCommissioner; logs: TServiceLog[] } | null>('/api/talent/my-commission'),
  });

export function useTalentMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: ['talent'] }) });
}

export const useTeams = (year: number) =>
  useQuery({
    queryKey: ['talent', 'teams', year],
    queryFn: () => api.get<TTeam[]>('/api/talent/teams', { query: { year } }),
  });

export const useTargets = (query: Record<string, QueryValue>) =>
  useQuery({
    queryKey: ['talent', 'targets', query],
    queryFn: () => api.get<Page<TServiceTargetRow>>('/api/talent/targets', { query }),
    placeholderData: keepPreviousData,
  });

export const useServiceLogs = (query: Record<string, QueryValue>) =>
  useQuery({
    queryKey: ['talent', 'logs', query],
    queryFn: () => api.get<Page<TServiceLog>>('/api/talent/service-logs', { query }),
    placeholderData: keepPreviousData,
  });

export const useProgrammes = () =>
  useQuery({
    queryKey: ['talent', 'programmes'],
    queryFn: () => api.get<TTalentProgramme[]>('/api/talent/programmes'),
  });

/** The public confirmation page: no session, so no sign-in prompt on an error. */
export const useConfirmation = (token: string) =>
  useQuery({
    queryKey: ['service-confirmation', token],
    queryFn: () => api.get<TServiceConfirmView>(`/api/public/service-confirmations/${encodeURIComponent(token)}`, { quiet: true }),
    retry: false,
  });
