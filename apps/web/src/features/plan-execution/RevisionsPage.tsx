import type { TPlanExec, TPlanRevision } from '@kechuang/contracts';
import { Card, Descriptions, Empty, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useRevisions } from './exec-api.ts';
import { PlanFrame } from './PlanSubNav.tsx';

/** What a snapshot holds, read defensively: it is the plan as it was, in whatever shape it was stored. */
function snapshotFacts(snapshot: unknown): { title?: string; status?: string; year?: number; tasks?: number; assigned?: number } {
  if (typeof snapshot !== 'object' || snapshot === null) return {};
  const s = snapshot as Record<string, unknown>;
  const nodes = Array.isArray(s.nodes) ? (s.nodes as Record<string, unknown>[]) : [];
  const tasks = nodes.filter((n) => n.kind === 'task');
  const assigned = tasks.filter((n) => Array.isArray(n.leadOrgs) && n.leadOrgs.length > 0).length;
  return {
    ...(typeof s.title === 'string' ? { title: s.title } : {}),
    ...(typeof s.status === 'string' ? { status: s.status } : {}),
    ...(typeof s.year === 'number' ? { year: s.year } : {}),
    ...(nodes.length ? { tasks: tasks.length, assigned } : {}),
  };
}

/** 修订记录: every earlier version of the plan, newest first, with who changed it and why. */
export function RevisionsPage() {
  return (
    <PlanFrame active="revisions" testId="page-plan-revisions">
      {(plan) => <RevisionsView plan={plan} />}
    </PlanFrame>
  );
}

function RevisionsView({ plan }: { plan: TPlanExec }) {
  const { t } = useTranslation();
  const revisions = useRevisions(plan.id);
  const columns: TableColumnsType<TPlanRevision> = [
    {
      title: t('planExec.revisions.version'),
      dataIndex: 'version',
      width: 110,
      render: (v: number) => (
        <Typography.Text>
          v{v} → v{v + 1}
        </Typography.Text>
      ),
    },
    {
      title: t('planExec.revisions.reason'),
      dataIndex: 'reason',
      render: (v: string) => v || <Typography.Text type="secondary">{t('planExec.revisions.noReason')}</Typography.Text>,
    },
    { title: t('planExec.revisions.changedBy'), dataIndex: 'changedBy', width: 140, render: (v: string | null) => v ?? t('common.none') },
    { title: t('planExec.revisions.changedAt'), dataIndex: 'changedAt', width: 160, render: (v: string) => formatDateTime(v) },
  ];
  return (
    <Card styles={{ body: { padding: 0 } }}>
      {revisions.isError ? <QueryError error={revisions.error} onRetry={() => revisions.refetch()} /> : null}
      <Typography.Paragraph type="secondary" style={{ padding: '12px 16px 0', margin: 0 }}>
        {t('planExec.revisions.intro', { version: plan.version })}
      </Typography.Paragraph>
      <Table<TPlanRevision>
        rowKey="id"
        columns={columns}
        dataSource={revisions.data?.items ?? []}
        loading={revisions.isPending}
        onRow={() => ({ 'data-testid': 'revision-row' }) as object}
        expandable={{
          expandedRowRender: (r) => {
            const f = snapshotFacts(r.snapshot);
            return (
              <Descriptions
                size="small"
                column={4}
                items={[
                  { key: 'title', label: t('plan.fields.title'), children: f.title ?? t('common.none'), span: 2 },
                  { key: 'year', label: t('plan.fields.year'), children: f.year ?? t('common.none') },
                  {
                    key: 'status',
                    label: t('planExec.revisions.state'),
                    children:
                      f.status === 'published' || f.status === 'draft' ? (
                        <Tag>{t(`planExec.planStatus.${f.status}`)}</Tag>
                      ) : (
                        t('common.none')
                      ),
                  },
                  { key: 'tasks', label: t('plan.fields.tasks'), children: f.tasks ?? t('common.none') },
                  { key: 'assigned', label: t('planExec.revisions.assigned'), children: f.assigned ?? t('common.none') },
                ]}
              />
            );
          },
        }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => t('common.table.total', { total: n }) }}
        locale={{ emptyText: <Empty description={t('planExec.revisions.empty')} /> }}
      />
    </Card>
  );
}
