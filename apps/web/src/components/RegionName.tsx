import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Tooltip } from 'antd';
import { fetchRegionPath, pathLabel } from './region-data.ts';

/** A region code shown as its name, with the full path and code on hover. */
export function RegionName({ code }: { code: string }) {
  const qc = useQueryClient();
  const path = useQuery({
    queryKey: ['regions', 'path-label', code],
    queryFn: () => fetchRegionPath(qc, code),
    staleTime: 30 * 60_000,
    retry: false,
  });
  const last = path.data?.[path.data.length - 1];
  if (!path.data || !last) return <span>{code}</span>;
  return (
    <Tooltip title={`${pathLabel(path.data)}（${code}）`}>
      <span>{last.name}</span>
    </Tooltip>
  );
}
