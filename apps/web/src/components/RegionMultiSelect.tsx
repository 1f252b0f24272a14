import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Select, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../lib/use-debounced.ts';
import { knownPath, knownRegion, pathLabel, searchRegions } from './region-data.ts';

export interface RegionMultiSelectProps {
  value?: string[];
  onChange?: (codes: string[]) => void;
  id?: string;
  placeholder?: string;
  status?: 'error' | 'warning' | '';
}

/** Several regions chosen by typing a name or pinyin initials; each shows its full path. */
export function RegionMultiSelect({ value, onChange, id, placeholder, status }: RegionMultiSelectProps) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), 250);
  const matches = useQuery({
    queryKey: ['regions', 'search-with-paths', query, false],
    queryFn: () => searchRegions(qc, query),
    enabled: query.length > 0,
    placeholderData: keepPreviousData,
  });

  const options = useMemo(() => {
    const seen = new Set<string>();
    const list: { value: string; label: string }[] = [];
    for (const code of value ?? []) {
      const region = knownRegion(code);
      list.push({ value: code, label: region ? `${pathLabel(knownPath(region))}（${code}）` : code });
      seen.add(code);
    }
    for (const m of query ? (matches.data ?? []) : []) {
      if (!seen.has(m.region.code)) list.push({ value: m.region.code, label: `${pathLabel(m.path)}（${m.region.code}）` });
    }
    return list;
  }, [value, matches.data, query]);

  return (
    <Select
      id={id}
      mode="multiple"
      value={value ?? []}
      onChange={(codes: string[]) => {
        setSearch('');
        onChange?.(codes);
      }}
      showSearch={{ filterOption: false, searchValue: search, onSearch: setSearch }}
      options={options}
      placeholder={placeholder}
      status={status}
      notFoundContent={
        matches.isFetching ? (
          <Spin size="small" />
        ) : (
          <Typography.Text type="secondary">{query ? t('region.picker.noMatch') : t('region.picker.placeholder')}</Typography.Text>
        )
      }
      style={{ width: '100%' }}
    />
  );
}
