import type { TOrg } from '@kechuang/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Spin, Typography } from 'antd';
import { type CSSProperties, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../lib/api.ts';
import { useDebounced } from '../lib/use-debounced.ts';

interface OrgPage {
  items: TOrg[];
  total: number;
}

export interface OrgSelectProps {
  value?: number | null;
  onChange?: (orgId: number | undefined) => void;
  id?: string;
  placeholder?: string;
  allowClear?: boolean;
  status?: 'error' | 'warning' | '';
  style?: CSSProperties;
}

/** Choose an organisation by typing part of its name; the list comes from the server. */
export function OrgSelect({ value, onChange, id, placeholder, allowClear = true, status, style }: OrgSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);

  const list = useQuery({
    queryKey: ['orgs', 'options', q],
    queryFn: () => api.get<OrgPage>('/api/orgs', { query: { q, pageSize: 30, sort: 'name' } }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  // The chosen organisation may not be on the first page of options; fetch it to show its name.
  const selected = useQuery({
    queryKey: ['orgs', 'detail', value],
    queryFn: () => api.get<TOrg>(`/api/orgs/${value}`),
    enabled: typeof value === 'number' && !list.data?.items.some((o) => o.id === value),
    staleTime: 60_000,
  });

  const options = useMemo(() => {
    const items = [...(list.data?.items ?? [])];
    if (selected.data && !items.some((o) => o.id === selected.data.id)) items.unshift(selected.data);
    return items.map((o) => ({ value: o.id, label: o.name, title: `${o.name} · ${o.regionName}` }));
  }, [list.data, selected.data]);
  const orgById = useMemo(() => {
    const map = new Map<number, TOrg>();
    for (const o of [...(list.data?.items ?? []), ...(selected.data ? [selected.data] : [])]) map.set(o.id, o);
    return map;
  }, [list.data, selected.data]);

  return (
    <Select<number | undefined>
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      showSearch={{ filterOption: false, searchValue: search, onSearch: setSearch }}
      options={options}
      optionRender={(option) => {
        const org = typeof option.value === 'number' ? orgById.get(option.value) : undefined;
        return (
          <span>
            {option.label}
            {org ? (
              <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                {t(`common.orgKind.${org.kind}`)} · {org.regionName}
              </Typography.Text>
            ) : null}
          </span>
        );
      }}
      placeholder={placeholder ?? t('org.selectPlaceholder')}
      allowClear={allowClear}
      status={status}
      notFoundContent={list.isFetching ? <Spin size="small" /> : undefined}
      style={{ minWidth: 220, ...style }}
      popupMatchSelectWidth={360}
    />
  );
}
