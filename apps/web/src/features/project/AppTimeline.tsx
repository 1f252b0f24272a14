import type { TApplication } from '@kechuang/contracts';
import { useTranslation } from 'react-i18next';
import { EventTimeline, type TimelineEvent } from '../../components/Timeline.tsx';
import { wanText } from './wan.ts';

const colors: Record<string, string> = { submit: 'blue', resubmit: 'blue', return: 'red', pass: 'green', select: 'green', reject: 'gray' };

/** The application's steps, newest first: who submitted, returned (with the reasons), passed, decided. */
export function AppTimeline({ events }: { events: TApplication['timeline'] }) {
  const { t, i18n } = useTranslation();
  const describe = (e: TimelineEvent) => {
    const d = (e.detail ?? {}) as Record<string, unknown>;
    const parts: string[] = [];
    if (Array.isArray(d.reasons)) parts.push(d.reasons.join('；'));
    if (typeof d.opinion === 'string' && d.opinion) parts.push(d.opinion);
    if (typeof d.grantedFen === 'number') parts.push(`${t('project.page.decision.granted')} ${wanText(d.grantedFen)}`);
    if (typeof d.note === 'string' && d.note) parts.push(d.note);
    return parts.length > 0 ? parts.join(' · ') : null;
  };
  return (
    <EventTimeline
      events={events}
      testId="app-timeline"
      empty={t('project.page.noEvents')}
      label={(k) =>
        i18n.exists(`project.events.${k}`)
          ? t(`project.events.${k}` as 'project.events.submit')
          : i18n.exists(`project.page.appEvents.${k}`)
            ? t(`project.page.appEvents.${k}` as 'project.page.appEvents.withdraw')
            : k
      }
      color={(k) => colors[k] ?? 'gray'}
      describe={describe}
    />
  );
}
