import type { TIndicator, TResolvedValue } from '@kechuang/contracts';
import { bureauYear } from '../../lib/bureau-date.ts';

/** A number with the indicator's decimals and thousands separators; '—' when absent. */
export function formatNumber(value: number | null | undefined, decimals = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return value.toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: decimals });
}

export function formatValue(value: number | null | undefined, indicator: Pick<TIndicator, 'decimals' | 'unit'> | undefined): string {
  if (value === null || value === undefined) return '—';
  const n = formatNumber(value, indicator?.decimals ?? 2);
  return indicator?.unit ? `${n} ${indicator.unit}` : n;
}

export function formatResolved(v: TResolvedValue | null | undefined, indicator: Pick<TIndicator, 'decimals' | 'unit'> | undefined): string {
  return formatValue(v?.value, indicator);
}

/**
 * Who recorded a value, as a person reads it: 演示数据 for the demo loader, 命令行导入 for the console,
 * otherwise the account (the server sends the username).
 */
export function recorderLabel(
  recordedBy: string | null,
  t: (key: 'indicator.values.recordedByDemo' | 'indicator.values.recordedByCli') => string,
): string | null {
  if (recordedBy === null) return null;
  if (recordedBy === 'demo') return t('indicator.values.recordedByDemo');
  if (recordedBy.startsWith('cli')) return t('indicator.values.recordedByCli');
  return recordedBy;
}

/** Default data year: last calendar year (statistics of a year are published in the next). */
export function defaultYear(): number {
  return bureauYear() - 1;
}

export const originColor = { stored: 'blue', rolled_up: 'cyan', derived: 'purple' } as const;
export const sourceColor = {
  plan: 'geekblue',
  report: 'green',
  registry: 'gold',
  file: 'default',
  manual: 'orange',
  derived: 'purple',
} as const;
export const kindColor = { target: 'magenta', actual: 'blue', baseline: 'default' } as const;

export function indicatorLabel(i: Pick<TIndicator, 'nameZh' | 'nameEn'>, language: string): string {
  return language.startsWith('en') && i.nameEn ? i.nameEn : i.nameZh;
}

export const categories = ['economy', 'input', 'enterprise', 'platform', 'output', 'talent', 'environment'] as const;
export const valueKinds = ['actual', 'target', 'baseline'] as const;
