import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../lib/api.ts';

/** Client errors (4xx) are answers, not hiccups: retry only network and server failures, once. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 1;
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 10_000 },
    mutations: { retry: false },
  },
});
