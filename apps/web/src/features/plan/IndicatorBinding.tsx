import type { TIndicator, TPlanDetail, TPlanExec } from '@kechuang/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Select, Tooltip, Typography } from 'antd';
import { pinyin } from 'pinyin-pro';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/abilities.ts';
import { api } from '../../lib/api.ts';
import { useErrorText } from '../../lib/error-text.ts';
import { useCatalog } from '../indicator/indicator-api.ts';

interface Option {
  value: string;
  label: string;
  /** name, code, full pinyin and initials, lower-case: what a search matches */
  haystack: string;
}

function optionsOf(catalog: readonly TIndicator[] | undefined): Option[] {
  return (catalog ?? []).map((i) => {
    const full = pinyin(i.nameZh, { toneType: 'none', type: 'array' }).join('');
    const initials = pinyin(i.nameZh, { pattern: 'first', toneType: 'none', type: 'array' }).join('');
    return { value: i.code, label: `${i.nameZh}（${i.unit}）`, haystack: `${i.nameZh} ${i.code} ${full} ${initials}`.toLowerCase() };
  });
}

/** The zh-CN name of a catalogue code (the code itself only while the catalogue loads or for an unknown code). */
export function useIndicatorName(): (code: string | null) => string | null {
  const catalog = useCatalog();
  return useMemo(() => {
    const names = new Map((catalog.data ?? []).map((i) => [i.code, i.nameZh]));
    return (code) => (code === null ? null : (names.get(code) ?? code));
  }, [catalog.data]);
}

/**
 * A catalogue indicator for a target, searchable by name, code or pinyin (全拼 or 首字母: "yfjf" →
 * 研发经费…); clearing it unbinds the target.
 */
export function IndicatorPicker({
  value,
  onChange,
  disabled,
  loading,
}: {
  value: string | null;
  onChange: (code: string | null) => void;
  disabled?: boolean;
  loading?: boolean;
}) {
  const { t } = useTranslation();
  const catalog = useCatalog();
  const options = useMemo(() => optionsOf(catalog.data), [catalog.data]);
  return (
    <Select<string>
      value={value ?? undefined}
      onChange={(v) => onChange(v ?? null)}
      allowClear
      disabled={disabled}
      loading={loading || catalog.isPending}
      placeholder={t('plan.binding.placeholder')}
      options={options}
      showSearch={{
        filterOption: (input, option) => Boolean((option as Option | undefined)?.haystack.includes(input.trim().toLowerCase())),
      }}
      popupMatchSelectWidth={false}
      style={{ width: '100%', minWidth: 160 }}
      data-testid="target-binding"
    />
  );
}

/** A published plan's target: bound or unbound on the spot by a planner (a plan edit, audited); others read the name. */
export function TargetBindingCell({
  plan,
  target,
}: {
  plan: Pick<TPlanDetail, 'id' | 'version'>;
  target: { id: number; indicatorCode: string | null };
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const canBind = useCan('planManage');
  const nameOf = useIndicatorName();
  const qc = useQueryClient();
  const bind = useMutation({
    mutationFn: (indicatorCode: string | null) =>
      api.put<TPlanExec>(`/api/plans/${plan.id}/targets/${target.id}/indicator`, { version: plan.version, indicatorCode }),
    onSuccess: (_, code) => {
      void message.success(code ? t('plan.binding.bound') : t('plan.binding.unbound'));
      void qc.invalidateQueries({ queryKey: ['plans'] });
      void qc.invalidateQueries({ queryKey: ['plan-exec'] });
    },
    onError: (e) => void message.error(errorText(e)),
  });
  if (!canBind) {
    const name = nameOf(target.indicatorCode);
    return name ? (
      <Tooltip title={target.indicatorCode}>
        <span>{name}</span>
      </Tooltip>
    ) : (
      <Typography.Text type="secondary">{t('plan.binding.none')}</Typography.Text>
    );
  }
  return <IndicatorPicker value={target.indicatorCode} onChange={(code) => bind.mutate(code)} loading={bind.isPending} />;
}
