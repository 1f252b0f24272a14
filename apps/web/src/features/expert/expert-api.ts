import type {
  TExpert,
  TExpertAction,
  TExpertImportResult,
  TExpertInputBody,
  TExpertPage,
  TExpertSelfInputBody,
  TMyExpert,
  TRelationInputBody,
  TUnavailableInputBody,
  TUser,
} from '@kechuang/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryValue, uploadBytes } from '../../lib/api.ts';

/*
 * 评审专家库 in the web app: the bureau's pool and an expert's own entry. What each user is offered mirrors
 * core/expert/expert.policy.ts (the server enforces the same): admin and planner keep the pool, viewers read it,
 * an expert account keeps only its own entry.
 */

export interface ExpertRoles {
  manager: boolean;
  reader: boolean;
  expert: boolean;
}

export function expertRoles(user: Pick<TUser, 'roles'>): ExpertRoles {
  const has = (...r: string[]) => user.roles.some((x) => r.includes(x));
  const manager = has('admin', 'planner');
  return { manager, reader: manager || has('viewer'), expert: has('expert') };
}

export function useExperts(query: Record<string, QueryValue>) {
  return useQuery({
    queryKey: ['experts', 'list', query],
    queryFn: () => api.get<TExpertPage>('/api/experts', { query }),
    placeholderData: keepPreviousData,
  });
}

export function useExpert(id: number | undefined) {
  return useQuery({ queryKey: ['experts', 'one', id], queryFn: () => api.get<TExpert>(`/api/experts/${id}`), enabled: id !== undefined });
}

export function useMyExpert() {
  return useQuery({ queryKey: ['experts', 'me'], queryFn: () => api.get<TMyExpert>('/api/experts/me') });
}

/** Every change refreshes whatever of the pool is on screen. */
export function useExpertMutation<V, R>(call: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['experts'] }) });
}

type Versioned = Pick<TExpert, 'id' | 'version'>;

export const expertApi = {
  create: (input: TExpertInputBody) => api.post<TExpert>('/api/experts', input),
  update: (e: Versioned, input: TExpertInputBody) => api.put<TExpert>(`/api/experts/${e.id}`, { ...input, version: e.version }),
  transition: (e: Versioned, action: TExpertAction, reason: string) =>
    api.post<TExpert>(`/api/experts/${e.id}/status`, { action, version: e.version, reason }),
  saveMine: (input: TExpertSelfInputBody) => api.put<TExpert>('/api/experts/me', input),
  saveRelations: (version: number, relations: TRelationInputBody[]) =>
    api.put<TExpert>('/api/experts/me/relations', { version, relations }),
  saveUnavailable: (version: number, periods: TUnavailableInputBody[]) =>
    api.put<TExpert>('/api/experts/me/unavailable', { version, periods }),
  import: (file: File, dryRun: boolean) =>
    uploadBytes<TExpertImportResult>('/api/experts/import', file, { query: { dryRun: dryRun ? 'true' : 'false' } }),
};
