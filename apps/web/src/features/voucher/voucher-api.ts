import type { TVoucherBatch, TVoucherMe, TVoucherPack, TVoucherProvider, TVoucherQuota, TVoucherUse } from '@kechuang/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { i18n } from '../../app/i18n.ts';
import { api, type QueryValue } from '../../lib/api.ts';

/* 科技创新券: reads and mutations; every mutation makes the module's cached lists stale. */

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function useVoucherMe() {
  return useQuery({ queryKey: ['voucher', 'me'], queryFn: () => api.get<TVoucherMe>('/api/vouchers/me') });
}

export function usePacks() {
  return useQuery({ queryKey: ['voucher', 'packs'], queryFn: () => api.get<TVoucherPack[]>('/api/vouchers/packs'), staleTime: 300_000 });
}

export function useQuotas(query: Record<string, QueryValue>) {
  return useQuery({
    queryKey: ['voucher', 'quotas', query],
    queryFn: () => api.get<Page<TVoucherQuota>>('/api/vouchers/quotas', { query }),
    placeholderData: keepPreviousData,
  });
}

export function useUses(query: Record<string, QueryValue>, enabled = true) {
  return useQuery({
    queryKey: ['voucher', 'uses', query],
    queryFn: () => api.get<Page<TVoucherUse>>('/api/vouchers/uses', { query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useProviders(query: Record<string, QueryValue>, enabled = true) {
  return useQuery({
    queryKey: ['voucher', 'providers', query],
    queryFn: () => api.get<Page<TVoucherProvider>>('/api/vouchers/providers', { query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePublicProviders(region?: string) {
  return useQuery({
    queryKey: ['voucher', 'public-providers', region],
    queryFn: () => api.get<TVoucherProvider[]>('/api/public/voucher-providers', { query: { region } }),
  });
}

export function useBatches(query: Record<string, QueryValue>, enabled = true) {
  return useQuery({
    queryKey: ['voucher', 'batches', query],
    queryFn: () => api.get<TVoucherBatch[]>('/api/vouchers/batches', { query }),
    enabled,
  });
}

export function useVoucherMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: ['voucher'] }) });
}

/** 分 as 元 text with two decimals ("150,000.00 元"). */
export function yuanText(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100).toLocaleString('zh-CN');
  const cents = String(abs % 100).padStart(2, '0');
  return i18n.t('voucher.yuan', { value: `${sign}${whole}.${cents}` });
}

/** A 元 amount as typed ("1500", "1500.5") to integer 分 without floating point; null when not an amount. */
export function yuanToFen(text: string | number | null | undefined): number | null {
  const s = String(text ?? '').trim();
  const m = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}
