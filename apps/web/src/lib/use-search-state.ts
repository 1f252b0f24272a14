import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export type SearchState = Record<string, string | undefined>;

/**
 * List filters and pagination live in the URL (?q=…&page=2), so reload, back/forward and shared
 * links keep them. Setting a filter resets the page unless the patch sets `page` itself.
 */
export function useSearchState(): [SearchState, (patch: SearchState) => void] {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => Object.fromEntries(params.entries()) as SearchState, [params]);
  const update = useCallback(
    (patch: SearchState) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (!('page' in patch)) next.delete('page');
          for (const [key, value] of Object.entries(patch)) {
            if (value === undefined || value === '') next.delete(key);
            else next.set(key, value);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [state, update];
}

export function intParam(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}
