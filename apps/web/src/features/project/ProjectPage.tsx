import { ArrowLeftOutlined } from '@ant-design/icons';
import type { TProject } from '@kechuang/contracts';
import { App, Button, Card, Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageSkeleton } from '../../components/PageSkeleton.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { EventTimeline, type TimelineEvent } from '../../components/Timeline.tsx';
import { useErrorText } from '../../lib/error-text.ts';
import { formatDate } from '../../lib/format.ts';
import { useCurrentUser } from '../auth/auth-api.ts';
import { AcceptanceCard } from './AcceptanceCard.tsx';
import { ContractCard } from './ContractCard.tsx';
import { ExecutionCards } from './ExecutionCards.tsx';
import { useProject } from './lifecycle-api.ts';
import { projectStatusColor } from './ProjectBankTab.tsx';
import { allowedActions } from './project-actions.ts';
import { useProjectMutation } from './project-api.ts';
import { projectRoles } from './roles.ts';
import { wanText } from './wan.ts';

/** A project from 立项 to acceptance: 任务书, 拨款, reports, changes, acceptance — only the steps its status allows. */
export function ProjectPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const { user } = useCurrentUser();
  const roles = projectRoles(user);
  const project = useProject(Number(id) || undefined);
  const p = project.data;
  if (project.isError) return <QueryError error={project.error} onRetry={() => project.refetch()} />;
  if (!p) return <PageSkeleton />;
  const actions = allowedActions(p.status, roles);
  const describe = (e: TimelineEvent) => {
    const d = (e.detail ?? {}) as Record<string, unknown>;
    const parts = ['reason', 'note', 'verdict', 'kind'].map((k) => d[k]).filter((v): v is string => typeof v === 'string' && v !== '');
    if (typeof d.amountFen === 'number') parts.push(`${wanText(d.amountFen)}`);
    return parts.join(' · ') || null;
  };
  return (
    <div data-testid="page-project">
      <PageHeader
        title={p.title}
        subtitle={
          <>
            {p.projectNo} · {p.orgName}{' '}
            <Tag color={projectStatusColor[p.status]} data-testid="project-status">
              {t(`project.page.projectStatuses.${p.status}`)}
            </Tag>
          </>
        }
        extra={
          <Link to="/projects/bank">
            <Button icon={<ArrowLeftOutlined />}>{t('project.page.tabs.bank')}</Button>
          </Link>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={3}>
          <Descriptions.Item label={t('project.page.call.programme')}>
            {p.programmeName}（{t(`project.programmeKinds.${p.programmeKind}`)}）
          </Descriptions.Item>
          <Descriptions.Item label={t('project.page.call.year')}>{p.year}</Descriptions.Item>
          <Descriptions.Item label={t('project.fields.leader')}>{p.leaderName}</Descriptions.Item>
          <Descriptions.Item label={t('project.page.bank.granted')}>{wanText(p.grantedFen)}</Descriptions.Item>
          <Descriptions.Item label={t('project.page.bank.paid')}>
            <span data-testid="project-paid">{wanText(p.paidFen)}</span>
          </Descriptions.Item>
          {p.rectificationDue ? (
            <Descriptions.Item label={t('project.page.acceptance.rectificationDue')}>{formatDate(p.rectificationDue)}</Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <ContractCard p={p} roles={roles} may={actions.includes('confirmContract')} />
      <ExecutionCards p={p} actions={actions} />
      <AcceptanceCard p={p} actions={actions} />
      <Card size="small" title={t('project.page.timeline')}>
        <EventTimeline
          events={p.timeline}
          testId="project-timeline"
          empty={t('project.page.noEvents')}
          label={(k) =>
            i18n.exists(`project.page.projectEvents.${k}`) ? t(`project.page.projectEvents.${k}` as 'project.page.projectEvents.start') : k
          }
          describe={describe}
        />
      </Card>
    </div>
  );
}

/** Runs one project step and says how it went. */
export function useProjectStep() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const m = useProjectMutation((f: () => Promise<TProject>) => f());
  const run = (f: () => Promise<TProject>, after?: () => void) =>
    m.mutate(f, {
      onSuccess: () => {
        message.success(t('common.done'));
        after?.();
      },
      onError: (e) => message.error(errorText(e)),
    });
  return { run, pending: m.isPending };
}
