import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTalents } from './talent-api.ts';

/** A person of the talent registry, found by name (the registry's search), for 选派 and 推荐. */
export function TalentSelect(props: { value?: number; onChange?: (id: number) => void; id?: string; 'data-testid'?: string }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const list = useTalents({ q: q || undefined, page: 1, pageSize: 20 });
  return (
    <Select
      id={props.id}
      data-testid={props['data-testid']}
      value={props.value}
      style={{ width: '100%' }}
      onChange={props.onChange}
      placeholder={t('talent.hints.pickTalent')}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={list.isFetching}
      options={(list.data?.items ?? []).map((p) => ({
        value: p.id,
        label: `${p.name} · ${p.field}${p.employerName ? ` · ${p.employerName}` : ''}`,
      }))}
    />
  );
}
