import type { TTaskEvent } from '@kechuang/contracts';
import { Empty, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';

const eventColors: Record<string, string> = {
  'report.submit': 'blue',
  'report.accept': 'green',
  'report.return': 'red',
  'report.correct': 'orange',
  'report.revise': 'orange',
  assign: 'cyan',
  unassign: 'gray',
  edit: 'gray',
};

/** 时间线: the task's events, newest first, with who and when. */
export function TaskTimeline({ events }: { events: TTaskEvent[] }) {
  const { t } = useTranslation();
  if (events.length === 0) return <Empty description={t('planExec.task.noEvents')} />;
  return (
    <Timeline
      items={[...events].reverse().map((e) => ({
        key: e.id,
        color: eventColors[e.kind] ?? 'gray',
        content: (
          <>
            <Typography.Text strong>
              <EventLabel kind={e.kind} />
            </Typography.Text>
            <EventDetail event={e} />
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {formatDateTime(e.at)} {e.actorName ?? ''}
            </Typography.Text>
          </>
        ),
      }))}
    />
  );
}

/** The timeline's name of an event kind; unknown kinds show as they are. */
function EventLabel({ kind }: { kind: string }) {
  const { t } = useTranslation();
  const labels: Record<string, string> = {
    assign: t('planExec.event.assign'),
    unassign: t('planExec.event.unassign'),
    edit: t('planExec.event.edit'),
    'report.submit': t('planExec.event.report.submit'),
    'report.accept': t('planExec.event.report.accept'),
    'report.return': t('planExec.event.report.return'),
    'report.correct': t('planExec.event.report.correct'),
    'report.revise': t('planExec.event.report.revise'),
  };
  return <>{labels[kind] ?? kind}</>;
}

/** The short facts of an event worth showing: period, version, comment, units. */
function EventDetail({ event }: { event: TTaskEvent }) {
  const { t } = useTranslation();
  const d = event.detail;
  const pieces: string[] = [];
  const units = (key: 'assigned' | 'removed') =>
    (Array.isArray(d[key]) ? (d[key] as { name?: unknown; role?: unknown }[]) : [])
      .map((u) => `${String(u.name ?? '')}${u.role === 'lead' || u.role === 'co' ? `（${t(`planExec.role.${u.role}`)}）` : ''}`)
      .join('、');
  if (units('assigned')) pieces.push(`${t('planExec.event.added')}${units('assigned')}`);
  if (units('removed')) pieces.push(`${t('planExec.event.removed')}${units('removed')}`);
  for (const key of ['period', 'orgName']) {
    const v = d[key];
    if (typeof v === 'string' && v) pieces.push(v);
  }
  if (typeof d.version === 'number' && event.kind.startsWith('report.'))
    pieces.push(t('planExec.report.versionValue', { version: d.version }));
  if (typeof d.percent === 'number') pieces.push(`${d.percent}%`);
  if (d.onBehalf === true) pieces.push(t('planExec.behalf.eventTag'));
  const comment = typeof d.comment === 'string' && d.comment ? d.comment : null;
  if (pieces.length === 0 && !comment) return null;
  return (
    <div style={{ fontSize: 13 }}>
      {pieces.length ? <Typography.Text>{pieces.join(' · ')}</Typography.Text> : null}
      {comment ? (
        <Typography.Paragraph type="secondary" style={{ margin: 0 }} ellipsis={{ rows: 3, expandable: true }}>
          “{comment}”
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}
