import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../../lib/use-debounced.ts';
import { useProjects } from '../project/lifecycle-api.ts';

/** A project of the 项目库, searched by name or number; the achievement it produced links to it. */
export function ProjectSelect(props: {
  id?: string;
  value?: number | null;
  onChange?: (v: number | null) => void;
  initialLabel?: string | null;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const list = useProjects({ page: 1, pageSize: 20, q: q || undefined });
  const options = (list.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.projectNo} ${p.title}` }));
  if (props.value && props.initialLabel && !options.some((o) => o.value === props.value))
    options.unshift({ value: props.value, label: props.initialLabel });
  return (
    <Select
      id={props.id}
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.(v ?? null)}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={list.isFetching}
      placeholder={t('techmarket.achievement.projectHint')}
      options={options}
    />
  );
}
