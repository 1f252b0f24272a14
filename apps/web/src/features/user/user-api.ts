import type { TRole, TUser } from '@kechuang/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

export interface UserListParams {
  q?: string;
  orgId?: number;
  role?: TRole;
  includeDisabled?: boolean;
  page: number;
  pageSize: number;
}

export interface UserPage {
  items: TUser[];
  total: number;
  page: number;
  pageSize: number;
}

export interface UserWithPassword {
  user: TUser;
  temporaryPassword: string;
}

export interface UserInput {
  displayName: string;
  orgId: number;
  roles: TRole[];
  phone: string | null;
  email: string | null;
}

export function useUsers(params: UserListParams) {
  return useQuery({
    queryKey: ['users', 'list', params],
    queryFn: () => api.get<UserPage>('/api/users', { query: { ...params } }),
    placeholderData: keepPreviousData,
  });
}

function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['users'] });
}

export function useCreateUser() {
  const onSuccess = useInvalidateUsers();
  return useMutation({
    mutationFn: (input: UserInput & { username: string }) => api.post<UserWithPassword>('/api/users', input),
    onSuccess,
  });
}

export function useUpdateUser() {
  const onSuccess = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ user, input }: { user: TUser; input: UserInput }) =>
      api.put<TUser>(`/api/users/${user.id}`, { ...input, version: user.version }),
    onSuccess,
  });
}

/** The row actions: each takes the user as listed and returns what the server answered. */
export function useUserActions() {
  const onSuccess = useInvalidateUsers();
  const setDisabled = useMutation({
    mutationFn: (user: TUser) => api.post<TUser>(`/api/users/${user.id}/disable`, { disabled: !user.disabled, version: user.version }),
    onSuccess,
  });
  const resetPassword = useMutation({
    mutationFn: (user: TUser) => api.post<UserWithPassword>(`/api/users/${user.id}/reset-password`, {}),
    onSuccess,
  });
  const unlock = useMutation({
    mutationFn: (user: TUser) => api.post<TUser>(`/api/users/${user.id}/unlock`, {}),
    onSuccess,
  });
  const revokeSessions = useMutation({
    mutationFn: (user: TUser) => api.post<{ revoked: number }>(`/api/users/${user.id}/revoke-sessions`, {}),
  });
  return { setDisabled, resetPassword, unlock, revokeSessions };
}
