import type {
  TPoint,
  TPointInput,
  TSeller,
  TSellerInput,
  TStats,
  TTechContract,
  TTechContractDetail,
  TTechContractDraft,
} from '@kechuang/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryValue, uploadBytes } from '../../lib/api.ts';

/*
 * The registration side of the technology market: 卖方注册, 登记机构, technology contracts and their steps,
 * statistics. Every mutation makes the module's cached lists stale.
 */

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function useMySeller(enabled = true) {
  return useQuery({ queryKey: ['techmarket', 'seller'], queryFn: () => api.get<TSeller | null>('/api/techmarket/sellers/me'), enabled });
}

export function usePoints() {
  return useQuery({ queryKey: ['techmarket', 'points'], queryFn: () => api.get<TPoint[]>('/api/techmarket/points'), staleTime: 60_000 });
}

export function useContracts(query: Record<string, QueryValue>, enabled = true) {
  return useQuery({
    queryKey: ['techmarket', 'contracts', query],
    queryFn: () => api.get<Page<TTechContract>>('/api/techmarket/contracts', { query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useContract(id: number | undefined) {
  return useQuery({
    queryKey: ['techmarket', 'contract', id],
    queryFn: () => api.get<TTechContractDetail>(`/api/techmarket/contracts/${id}`),
    enabled: id !== undefined,
  });
}

export function useStats(query: { region?: string | undefined; year: number; direction: 'output' | 'absorption'; by: string }) {
  return useQuery({
    queryKey: ['techmarket', 'stats', query],
    queryFn: () => api.get<TStats>('/api/techmarket/stats', { query }),
    placeholderData: keepPreviousData,
  });
}

/** A change to the market's records: afterwards every cached list and record of the module is stale. */
export function useTechmarketMutation<V, R>(call: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['techmarket'] }),
  });
}

type Versioned = Pick<TTechContract, 'id' | 'version'>;

export const sellerApi = {
  register: (input: TSellerInput) => api.post<TSeller>('/api/techmarket/sellers', input),
  createPoint: (input: TPointInput) => api.post<TPoint>('/api/techmarket/points', input),
};

export const contractApi = {
  create: (input: TTechContractDraft) => api.post<TTechContract>('/api/techmarket/contracts', input),
  update: (c: Versioned, input: TTechContractDraft) =>
    api.put<TTechContract>(`/api/techmarket/contracts/${c.id}`, { ...input, version: c.version }),
  upload: (c: Pick<TTechContract, 'id'>, file: File) =>
    uploadBytes<{ id: number; filename: string }>(`/api/techmarket/contracts/${c.id}/files`, file, { query: { filename: file.name } }),
  submit: (c: Versioned) => api.post<TTechContract>(`/api/techmarket/contracts/${c.id}/submit`, { version: c.version }),
  accept: (c: Versioned) => api.post<TTechContract>(`/api/techmarket/contracts/${c.id}/accept`, { version: c.version }),
  correction: (c: Versioned, note: string) =>
    api.post<TTechContract>(`/api/techmarket/contracts/${c.id}/correction`, { version: c.version, note }),
  register: (c: Versioned, input: { subject: string; costItems: unknown[]; disputed: boolean; note: string }) =>
    api.post<TTechContract>(`/api/techmarket/contracts/${c.id}/register`, { version: c.version, ...input }),
  refuse: (c: Versioned, codes: string[], note: string) =>
    api.post<TTechContract>(`/api/techmarket/contracts/${c.id}/refuse`, { version: c.version, codes, note }),
};
