import type { TFunction } from 'i18next';
import { fenToWan, ratioToPercent } from './money.ts';

/** Figure keys whose value is a quotient (shown as a percentage). */
const ratioKeys = new Set(['ratio', 'threshold']);

/** One computed figure of a condition, in the reader's words: label and formatted value. */
export function figureText(t: TFunction, exists: (key: string) => boolean, key: string, value: string): { label: string; value: string } {
  const labelKey = `enterprise.figures.${key}`;
  const label = exists(labelKey) ? t(labelKey as 'enterprise.figures.days') : key;
  if (key.endsWith('Fen') && /^-?\d+$/.test(value)) return { label, value: t('enterprise.units.wan', { value: fenToWan(value) }) };
  if (ratioKeys.has(key)) return { label, value: ratioToPercent(value) };
  if (key === 'days') return { label, value: t('enterprise.units.days', { value }) };
  if (key === 'techStaff' || key === 'employees') return { label, value: t('enterprise.units.people', { value }) };
  const domainKey = `enterprise.assess.domains.${value}`;
  if (key === 'domain' && exists(domainKey)) return { label, value: t(domainKey as 'enterprise.assess.domains.outside') };
  return { label, value };
}
