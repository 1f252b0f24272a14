import { Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Tri } from './assess-model.ts';

const values: Tri[] = ['yes', 'no', 'unknown'];

/** 是 / 否 / 不确定 — "不确定" leaves the field absent, which the engine reads as unknown. */
export function TriState({ value, onChange, id }: { value?: Tri; onChange?: (v: Tri) => void; id?: string }) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      id={id}
      value={value ?? 'unknown'}
      onChange={(e) => onChange?.(e.target.value as Tri)}
      optionType="button"
      buttonStyle="solid"
      size="small"
      options={values.map((v) => ({ value: v, label: t(`enterprise.assess.tri.${v}`) }))}
    />
  );
}
