import type { TIndicator } from '@kechuang/contracts';
import { Select } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { categories } from './indicator-format.ts';

interface Props {
  catalog: TIndicator[] | undefined;
  value?: string | undefined;
  onChange?: (code: string | undefined) => void;
  allowClear?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
  id?: string;
  'data-testid'?: string;
}

/** One indicator, grouped by category, searchable by name or code. */
export function IndicatorSelect({ catalog, value, onChange, allowClear, disabled, style, id, 'data-testid': testId }: Props) {
  const { t } = useTranslation();
  const options = categories
    .map((c) => ({
      label: t(`indicator.category.${c}`),
      title: c,
      options: (catalog ?? [])
        .filter((i) => i.category === c)
        .map((i) => ({ value: i.code, label: `${i.nameZh}（${i.unit}）`, code: i.code })),
    }))
    .filter((g) => g.options.length > 0);
  return (
    <Select
      id={id}
      data-testid={testId}
      // until the catalogue has loaded, show nothing rather than the raw code
      value={catalog === undefined ? undefined : value}
      onChange={(v: string | undefined) => onChange?.(v)}
      allowClear={allowClear}
      disabled={disabled}
      placeholder={t('indicator.pickIndicator')}
      showSearch={{
        filterOption: (input, option) => {
          const o = option as { label?: string; code?: string } | undefined;
          const needle = input.trim().toLowerCase();
          return Boolean(o?.label?.toLowerCase().includes(needle) || o?.code?.includes(needle));
        },
      }}
      options={options}
      loading={catalog === undefined}
      style={style}
    />
  );
}

/** Several indicators. */
export function IndicatorMultiSelect({
  catalog,
  value,
  onChange,
  style,
  max,
}: {
  catalog: TIndicator[] | undefined;
  value: string[];
  onChange: (codes: string[]) => void;
  style?: CSSProperties;
  max?: number;
}) {
  const { t } = useTranslation();
  return (
    <Select
      mode="multiple"
      value={value}
      onChange={onChange}
      maxCount={max}
      placeholder={t('indicator.pickIndicators')}
      showSearch={{ optionFilterProp: 'label' }}
      maxTagCount="responsive"
      options={(catalog ?? []).map((i) => ({ value: i.code, label: i.nameZh }))}
      style={style}
    />
  );
}
