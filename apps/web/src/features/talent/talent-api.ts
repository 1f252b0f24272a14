import type { TCommissioner, TCommissionerCounts, TServiceLog, TTalent } from '@kechuang/contracts';
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
