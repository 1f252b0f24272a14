import { ArrowLeftOutlined } from '@ant-design/icons';
import type { TPlanExec } from '@kechuang/contracts';
import { Badge, Button, Tabs, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useCan } from '../../app/abilities.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageSkeleton } from '../../components/PageSkeleton.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { usePlanExec, useReviewQueue } from './exec-api.ts';

export type PlanTab = 'detail' | 'execution' | 'dashboard' | 'review' | 'bulletins' | 'revisions';

const tabs: PlanTab[] = ['detail', 'execution', 'dashboard', 'review', 'bulletins', 'revisions'];

/** Who runs plans (and so sees review, bulletins and history): admins and planners; viewers read. */
export function useIsPlanManager(): boolean {
  return useCan('planManage');
}

/** Tabs across a plan's pages: its content, execution, dashboard, review, bulletins, revisions. */
export function PlanSubNav({ planId, active }: { planId: number; active: PlanTab }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const manager = useIsPlanManager();
  // the count of reports awaiting review, on the review tab (managers only)
  const queue = useReviewQueue(manager ? planId : 0, { page: 1, pageSize: 1 });
  const reviewPending = queue.data?.total ?? 0;
  const visible = manager ? tabs : tabs.filter((k) => k !== 'review');
  return (
    <Tabs
      className="kc-no-print"
      activeKey={active}
      onChange={(key) => navigate(key === 'detail' ? `/plans/${planId}` : `/plans/${planId}/${key}`)}
      items={visible.map((key) => ({
        key,
        label:
          key === 'review' && reviewPending ? (
            <Badge count={reviewPending} size="small" offset={[8, -2]}>
              {t(`planExec.nav.${key}`)}
            </Badge>
          ) : (
            t(`planExec.nav.${key}`)
          ),
      }))}
      style={{ marginBottom: 8 }}
      data-testid="plan-subnav"
    />
  );
}

/**
 * The frame of every plan execution page: the plan's title and state, the tabs, then the page.
 * `children` receives the loaded plan.
 */
export function PlanFrame({
  active,
  testId,
  extra,
  children,
}: {
  active: PlanTab;
  testId: string;
  extra?: (plan: TPlanExec) => ReactNode;
  children: (plan: TPlanExec) => ReactNode;
}) {
  const { t } = useTranslation();
  const planId = Number(useParams().id);
  const plan = usePlanExec(planId);
  const back = (
    <Link to="/plans">
      <Button icon={<ArrowLeftOutlined />}>{t('plan.detail.backToList')}</Button>
    </Link>
  );
  if (plan.isError)
    return (
      <div data-testid={testId}>
        <PageHeader title={t('plan.title')} extra={back} />
        <QueryError error={plan.error} onRetry={() => plan.refetch()} />
      </div>
    );
  if (!plan.data) return <PageSkeleton />;
  const p = plan.data;
  return (
    <div data-testid={testId}>
      <PageHeader
        title={
          <>
            {p.title}{' '}
            <Tag color={p.status === 'published' ? 'green' : 'default'} style={{ verticalAlign: 'middle' }} data-testid="plan-state">
              {t(`planExec.planStatus.${p.status}`)}
            </Tag>
            {p.archived ? (
              <Tag style={{ verticalAlign: 'middle' }} title={t('plan.archivedHint')} data-testid="plan-archived">
                {t('plan.archived')}
              </Tag>
            ) : null}
          </>
        }
        subtitle={[p.docNumber, p.regionName, t('plan.yearValue', { year: p.year }), t('planExec.versionValue', { version: p.version })]
          .filter(Boolean)
          .join(' · ')}
        extra={
          <>
            {back}
            {extra?.(p)}
          </>
        }
      />
      <PlanSubNav planId={p.id} active={active} />
      {children(p)}
    </div>
  );
}
