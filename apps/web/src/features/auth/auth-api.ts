import type { THealth, TMe } from '@kechuang/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, isApiError, rememberCsrfToken } from '../../lib/api.ts';

export const meKey = ['auth', 'me'] as const;

/** Who is signed in: the user, or null when nobody is (401 is an answer here, not an error). */
async function fetchMe(): Promise<TMe | null> {
  try {
    const me = await api.get<TMe>('/api/auth/me', { quiet: true });
    rememberCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    if (isApiError(e) && e.status === 401) {
      rememberCsrfToken(null);
      return null;
    }
    throw e;
  }
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
}

/** The signed-in user; only for components rendered behind RequireAuth. */
export function useCurrentUser() {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser outside RequireAuth');
  return data;
}

export function useHealth() {
  return useQuery({
    queryKey: ['health'],
    queryFn: () => api.get<THealth>('/api/health', { quiet: true }),
    retry: false,
    staleTime: 60_000,
  });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { username: string; password: string }) => api.post<TMe>('/api/auth/login', input, { quiet: true }),
    onSuccess: (me) => {
      rememberCsrfToken(me.csrfToken);
      queryClient.clear();
      queryClient.setQueryData(meKey, me);
    },
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) => api.post<TMe>('/api/auth/password', input, { quiet: true }),
    onSuccess: (me) => {
      rememberCsrfToken(me.csrfToken);
      queryClient.setQueryData(meKey, me);
    },
  });
}

/** Forget everything cached for the previous user and mark the app as signed out. */
export function useForgetSession() {
  const queryClient = useQueryClient();
  return useCallback(() => {
    rememberCsrfToken(null);
    // Signed out first, so the guard unmounts the pages before their cached data disappears
    // (otherwise they would refetch, and get 401s, on the way out).
    queryClient.setQueryData(meKey, null);
    void queryClient.cancelQueries();
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] || q.queryKey[1] !== meKey[1] });
  }, [queryClient]);
}

/** Ask the server again who is signed in (e.g. after it said a password change is now required). */
export function useRefreshMe() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: meKey }), [queryClient]);
}

/** Whether the cache believes someone is signed in (a 401 then means the session ended). */
export function useIsSignedIn() {
  const queryClient = useQueryClient();
  return useCallback(() => Boolean(queryClient.getQueryData(meKey)), [queryClient]);
}

export function useLogout() {
  const forget = useForgetSession();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>('/api/auth/logout', {}, { quiet: true }),
    // Signed out locally even when the server call fails: the user asked to leave.
    onSettled: forget,
  });
}
