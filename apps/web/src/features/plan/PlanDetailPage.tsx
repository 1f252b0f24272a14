import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import type { TPlanDetail } from '@kechuang/contracts';
import { Button, Card, Descriptions, Empty, Tabs, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageSkeleton } from '../../components/PageSkeleton.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { PlanSubNav } from '../plan-execution/PlanSubNav.tsx';
import { PlanTargetsTable, PlanTasksTable } from './PlanDetailTables.tsx';
import { usePlan } from './plan-api.ts';
import { formatValue, joinPieces, toneOf } from './plan-format.ts';
import { printCss, reviewCss } from './plan-styles.ts';
import { type SourceMark, SourceText } from './SourceText.tsx';

type TabKey = 'tasks' | 'targets' | 'source';

export function PlanDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const plan = usePlan(id);

  return (
    <div data-testid="page-plan-detail" className="kc-plan-detail">
      <style>{reviewCss + printCss}</style>
      {plan.isError ? (
        <>
          <PageHeader title={t('plan.title')} extra={<BackButton />} />
          <QueryError error={plan.error} onRetry={() => plan.refetch()} />
        </>
      ) : plan.data ? (
        <PlanDetailView plan={plan.data} />
      ) : (
        <PageSkeleton />
      )}
    </div>
  );
}

function BackButton() {
  const { t } = useTranslation();
  return (
    <Link to="/plans" className="kc-no-print">
      <Button icon={<ArrowLeftOutlined />}>{t('plan.detail.backToList')}</Button>
    </Link>
  );
}

function PlanDetailView({ plan }: { plan: TPlanDetail }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<TabKey>('tasks');
  const [selectedId, setSelectedId] = useState<string | null>(null);

  const marks = useMemo<SourceMark[]>(
    () =>
      plan.targets.map((x) => ({
        id: String(x.id),
        start: x.start,
        end: x.end,
        tone: toneOf(x),
        tip: t(x.baseline ? 'plan.targets.tipBaseline' : 'plan.targets.tip', { indicator: x.indicatorName, value: formatValue(x) }),
      })),
    [plan.targets, t],
  );
  const period = plan.periodTo ? t('plan.periodValue', { from: plan.year, to: plan.periodTo }) : t('plan.yearValue', { year: plan.year });
  const taskCount = plan.nodes.filter((n) => n.kind === 'task').length;

  const printTitle = (label: string) => <h3 className="kc-print-only">{label}</h3>;

  return (
    <>
      <PageHeader
        title={plan.title}
        subtitle={joinPieces([plan.docNumber, plan.regionName, period, t(`plan.kind.${plan.kind}`)])}
        extra={
          <>
            <BackButton />
            <Button
              className="kc-no-print"
              type="primary"
              icon={<PrinterOutlined />}
              onClick={() => window.print()}
              data-testid="plan-print"
            >
              {t('plan.detail.print')}
            </Button>
          </>
        }
      />
      <PlanSubNav planId={plan.id} active="detail" />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'docNumber', label: t('plan.fields.docNumber'), children: plan.docNumber ?? t('common.none') },
            { key: 'issuer', label: t('plan.fields.issuer'), children: plan.issuer ?? t('common.none') },
            { key: 'issuedOn', label: t('plan.fields.issuedOn'), children: formatDate(plan.issuedOn) || t('common.none') },
            { key: 'region', label: t('plan.fields.region'), children: plan.regionName },
            { key: 'year', label: t('plan.fields.year'), children: period },
            {
              key: 'kind',
              label: t('plan.fields.kind'),
              children: <Tag color={plan.kind === 'plan' ? 'blue' : 'gold'}>{t(`plan.kind.${plan.kind}`)}</Tag>,
            },
            { key: 'source', label: t('plan.fields.source'), children: plan.sourceFilename ?? t('common.none') },
            { key: 'createdAt', label: t('plan.fields.createdAt'), children: formatDateTime(plan.createdAt) },
            {
              key: 'counts',
              label: t('plan.fields.contents'),
              children: `${t('plan.detail.taskCount', { count: taskCount })} · ${t('plan.detail.targetCount', { count: plan.targets.filter((x) => !x.baseline).length })}`,
            },
          ]}
        />
      </Card>
      <Card size="small" styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => setTab(key as TabKey)}
          items={[
            {
              key: 'tasks',
              label: t('plan.detail.tabs.tasks'),
              forceRender: true,
              children: (
                <>
                  {printTitle(t('plan.detail.tabs.tasks'))}
                  <PlanTasksTable plan={plan} />
                </>
              ),
            },
            {
              key: 'targets',
              label: t('plan.detail.tabs.targets'),
              forceRender: true,
              children: (
                <>
                  {printTitle(t('plan.detail.tabs.targets'))}
                  <PlanTargetsTable plan={plan} selectedId={selectedId} onSelect={setSelectedId} />
                </>
              ),
            },
            {
              key: 'source',
              label: t('plan.detail.tabs.source'),
              forceRender: true,
              children: (
                <>
                  {printTitle(t('plan.detail.tabs.source'))}
                  {plan.sourceText ? (
                    <SourceText
                      text={plan.sourceText}
                      marks={marks}
                      selectedId={tab === 'source' ? selectedId : null}
                      onMarkClick={(markId) => {
                        setSelectedId(markId);
                        setTab('targets');
                      }}
                      style={{ maxHeight: 'calc(100vh - 320px)', overflow: 'auto', padding: '4px 8px' }}
                      data-testid="plan-source"
                    />
                  ) : (
                    <Empty description={t('plan.detail.noSource')} />
                  )}
                </>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
