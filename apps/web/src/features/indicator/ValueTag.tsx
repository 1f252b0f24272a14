import type { TResolvedValue } from '@kechuang/contracts';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { originColor, sourceColor } from './indicator-format.ts';

/** Where a value comes from: its source when stored, else 汇总 (Σ children) or 推算 (numerator ÷ denominator). */
export function OriginTag({ value }: { value: TResolvedValue | null | undefined }) {
  const { t } = useTranslation();
  if (!value) return null;
  const tag =
    value.origin === 'stored' && value.source ? (
      <Tag color={sourceColor[value.source]}>{t(`indicator.source.${value.source}`)}</Tag>
    ) : (
      <Tag color={originColor[value.origin]}>{t(`indicator.origin.${value.origin}`)}</Tag>
    );
  if (!value.coverage) return tag;
  return <Tooltip title={t('indicator.coverage', { covered: value.coverage.covered, total: value.coverage.total })}>{tag}</Tooltip>;
}
