import type { TCycle, TExecNode, TOrgRef, TReportStatus, TSlotState, TTargetStatus, TTaskStatus } from '@kechuang/contracts';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/** One colour per computed status, shared by tags, cards and charts. */
export const statusColors: Record<TTaskStatus, string> = {
  done: '#2ea121',
  on_track: '#3370ff',
  lagging: '#f77b00',
  severely_lagging: '#f54a45',
  overdue_unreported: '#b2248b',
  not_started: '#8f959e',
  unassigned: '#bbbfc4',
};

export const statusOrder: TTaskStatus[] = [
  'done',
  'on_track',
  'lagging',
  'severely_lagging',
  'overdue_unreported',
  'not_started',
  'unassigned',
];

const targetColors: Record<TTargetStatus, string> = {
  met: '#2ea121',
  on_track: '#3370ff',
  lagging: '#f77b00',
  severely_lagging: '#f54a45',
  no_data: '#8f959e',
};

/** 已完成 / 正常推进 / 滞后 … as a coloured tag; the reason shows on hover. */
export function StatusTag({ status, reason }: { status: TTaskStatus; reason?: string | null | undefined }) {
  const { t } = useTranslation();
  const tag = (
    <Tag color={statusColors[status]} style={{ marginInlineEnd: 0 }} data-testid="task-status" data-status={status}>
      {t(`planExec.status.${status}`)}
    </Tag>
  );
  return reason ? <Tooltip title={reason}>{tag}</Tooltip> : tag;
}

export function TargetStatusTag({ status, reason }: { status: TTargetStatus; reason?: string | null | undefined }) {
  const { t } = useTranslation();
  const tag = (
    <Tag color={targetColors[status]} style={{ marginInlineEnd: 0 }}>
      {t(`planExec.targetStatus.${status}`)}
    </Tag>
  );
  return reason ? <Tooltip title={reason}>{tag}</Tooltip> : tag;
}

const reportColors: Record<TReportStatus, string> = { draft: 'default', submitted: 'processing', accepted: 'success', returned: 'error' };

export function ReportStatusTag({ status }: { status: TReportStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={reportColors[status]} style={{ marginInlineEnd: 0 }} data-testid="report-status">
      {t(`planExec.reportStatus.${status}`)}
    </Tag>
  );
}

const slotColors: Record<TSlotState, string> = {
  returned: 'error',
  overdue: 'magenta',
  due_soon: 'warning',
  draft: 'default',
  submitted: 'processing',
  accepted: 'success',
  upcoming: 'default',
};

export function SlotTag({ state }: { state: TSlotState }) {
  const { t } = useTranslation();
  return (
    <Tag color={slotColors[state]} style={{ marginInlineEnd: 0 }}>
      {t(`planExec.slot.${state}`)}
    </Tag>
  );
}

export function orgNames(orgs: TOrgRef[]): string {
  return orgs.map((o) => o.shortName || o.name).join('、');
}

/** "按月（次月 10 日前）", "按季", "不报送". */
export function useCycleText() {
  const { t } = useTranslation();
  return (node: Pick<TExecNode, 'cycle' | 'cycleDueDay' | 'customDueDates'>): string => {
    const cycle: TCycle = node.cycle;
    if (cycle === 'monthly' || cycle === 'quarterly') return t(`planExec.cycleDue.${cycle}`, { day: node.cycleDueDay });
    if (cycle === 'custom') return t('planExec.cycleDue.custom', { count: node.customDueDates.length });
    return t('planExec.cycle.none');
  };
}

const numberFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 });

export function formatNumber(v: number | null | undefined, unit?: string): string {
  if (v === null || v === undefined) return '—';
  const s = numberFormat.format(v);
  if (!unit) return s;
  return unit === '%' ? `${s}%` : `${s} ${unit}`;
}

export function formatPercent(v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  return `${Math.round(v * 10) / 10}%`;
}
