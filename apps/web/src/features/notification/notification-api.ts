import type { TNotification, TNotificationPage } from '@kechuang/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

const key = ['notifications'] as const;

/** The unread count behind the bell; polled while the app is open. */
export function useUnreadCount() {
  return useQuery({
    queryKey: [...key, 'unread'],
    queryFn: () => api.get<{ unread: number }>('/api/notifications/unread-count'),
    refetchInterval: 60_000,
    staleTime: 30_000,
  });
}

export function useNotifications(params: { unread: boolean; page: number; pageSize: number }, enabled: boolean) {
  return useQuery({
    queryKey: [...key, 'list', params],
    queryFn: () => api.get<TNotificationPage>('/api/notifications', { query: { ...params } }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<TNotification>(`/api/notifications/${id}/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ updated: number }>('/api/notifications/read-all'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
