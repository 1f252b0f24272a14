import type { TSession } from '@kechuang/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

const sessionsKey = ['auth', 'sessions'] as const;

export function useSessions() {
  return useQuery({ queryKey: sessionsKey, queryFn: () => api.get<TSession[]>('/api/auth/sessions') });
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sessionId: string) => api.delete<{ ok: true }>(`/api/auth/sessions/${encodeURIComponent(sessionId)}`, { quiet: true }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}

export function useRevokeAllSessions() {
  return useMutation({
    mutationFn: () => api.post<{ revoked: number }>('/api/auth/sessions/revoke-all', {}, { quiet: true }),
  });
}
