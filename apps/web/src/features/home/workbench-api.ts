import type { TWorkbench } from '@kechuang/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

/** The signed-in person's 工作台 (refreshed when the page is opened again after a minute). */
export function useWorkbench() {
  return useQuery({ queryKey: ['workbench'], queryFn: () => api.get<TWorkbench>('/api/workbench'), staleTime: 60_000 });
}
