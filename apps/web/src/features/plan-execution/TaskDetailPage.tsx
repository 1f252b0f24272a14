import { ArrowLeftOutlined, AuditOutlined, EditOutlined, FormOutlined, TeamOutlined } from '@ant-design/icons';
import type { TProgressReport, TTaskDetail } from '@kechuang/contracts';
import {
  Button,
  Card,
  Col,
  Collapse,
  Descriptions,
  Empty,
  Flex,
  Form,
  Modal,
  Progress,
  Row,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageSkeleton } from '../../components/PageSkeleton.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { formatDate } from '../../lib/format.ts';
import { usePlanExec, useSuggestions, useTaskDetail } from './exec-api.ts';
import { formatNumber, orgNames, ReportStatusTag, StatusTag, TargetStatusTag, useCycleText } from './exec-format.tsx';
import { useIsPlanManager } from './PlanSubNav.tsx';
import { ReportDrawer } from './ReportDrawer.tsx';
import { ReportView } from './ReportView.tsx';
import { ReviewDrawer } from './ReviewDrawer.tsx';
import { TaskEditDrawer } from './TaskEditDrawer.tsx';
import { TaskTimeline } from './TaskTimeline.tsx';

type Target = TTaskDetail['targets'][number];

/** 任务详情: fields, units, targets, every report version with its evidence, and the timeline. */
export function TaskDetailPage() {
  const { t } = useTranslation();
  const params = useParams();
  const planId = Number(params.id);
  const nodeId = Number(params.nodeId);
  const detail = useTaskDetail(planId, nodeId);
  const manager = useIsPlanManager();
  const back = (
    <Link to={manager ? `/plans/${planId}/execution` : '/my-tasks'}>
      <Button icon={<ArrowLeftOutlined />}>{manager ? t('planExec.task.backToPlan') : t('planExec.task.backToInbox')}</Button>
    </Link>
  );
  if (detail.isError)
    return (
      <div data-testid="page-task-detail">
        <PageHeader title={t('planExec.task.title')} extra={back} />
        <QueryError error={detail.error} onRetry={() => detail.refetch()} />
      </div>
    );
  if (!detail.data) return <PageSkeleton />;
  return <TaskDetailView detail={detail.data} back={back} />;
}

function TaskDetailView({ detail, back }: { detail: TTaskDetail; back: React.ReactNode }) {
  const { t } = useTranslation();
  const cycleText = useCycleText();
  const { node, progress } = detail;
  // an assigned unit reports for itself; plan managers may report on behalf of any other assigned unit (代为填报)
  const canReport = detail.can.report && [...node.leadOrgs, ...node.coOrgs].some((o) => o.orgId === detail.myOrgId);
  const behalfUnits = detail.can.edit && detail.can.report ? behalfChoices(detail) : [];
  const [reporting, setReporting] = useState(false);
  const [choosing, setChoosing] = useState(false);
  const [behalfOrg, setBehalfOrg] = useState<number | null>(null);
  const [reviewing, setReviewing] = useState<TProgressReport | null>(null);
  const [editing, setEditing] = useState(false);
  const plan = usePlanExec(detail.can.edit ? detail.planId : 0);
  const suggestions = useSuggestions(detail.planId, detail.can.edit && editing);

  const byPeriod = new Map<string, TProgressReport[]>();
  for (const r of detail.reports) {
    const key = `${r.period}|${r.orgName}`;
    byPeriod.set(key, [...(byPeriod.get(key) ?? []), r]);
  }
  const groups = [...byPeriod.entries()].map(([key, list]) => ({ key, list: list.sort((a, b) => b.version - a.version) }));

  const targetColumns: TableColumnsType<Target> = [
    { title: t('planExec.dashboard.indicator'), dataIndex: 'indicatorName' },
    { title: t('planExec.dashboard.target'), key: 'target', width: 120, render: (_, x) => formatNumber(x.target, x.unit) },
    { title: t('planExec.dashboard.actual'), key: 'actual', width: 120, render: (_, x) => formatNumber(x.actual, x.unit) },
    {
      title: t('planExec.dashboard.attainment'),
      key: 'attainment',
      width: 160,
      render: (_, x) => (x.attainment === null ? t('common.none') : <Progress percent={Math.round(x.attainment * 100)} size="small" />),
    },
    {
      title: t('planExec.fields.status'),
      key: 'status',
      width: 100,
      render: (_, x) => <TargetStatusTag status={x.status} reason={x.statusReason} />,
    },
    {
      title: t('planExec.dashboard.source'),
      dataIndex: 'actualSourceLabel',
      width: 200,
      render: (v: string | null) => v ?? t('common.none'),
    },
  ];

  return (
    <div data-testid="page-task-detail">
      <PageHeader
        title={
          <Space>
            <span>
              {node.number} {t('planExec.task.title')}
            </span>
            <StatusTag status={progress.status} reason={progress.statusReason} />
          </Space>
        }
        subtitle={[detail.planTitle, detail.section ? `${detail.section.number} ${detail.section.title}` : null]
          .filter(Boolean)
          .join(' · ')}
        extra={
          <>
            {back}
            {detail.can.edit ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} disabled={!plan.data}>
                {t('planExec.exec.assign')}
              </Button>
            ) : null}
            {behalfUnits.length ? (
              <Button icon={<TeamOutlined />} onClick={() => setChoosing(true)} data-testid="task-report-behalf">
                {t('planExec.behalf.action')}
              </Button>
            ) : null}
            {canReport ? (
              <Button type="primary" icon={<FormOutlined />} onClick={() => setReporting(true)} data-testid="task-report">
                {t('planExec.inbox.report')}
              </Button>
            ) : null}
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card size="small" title={t('planExec.task.info')} style={{ marginBottom: 16 }}>
            <Typography.Paragraph style={{ fontSize: 15 }}>{node.title}</Typography.Paragraph>
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'status', label: t('planExec.fields.statusReason'), children: progress.statusReason, span: 2 },
                {
                  key: 'lead',
                  label: t('planExec.fields.lead'),
                  children: orgNames(node.leadOrgs) || (
                    <Typography.Text type="warning">{node.leadUnits.join('、') || t('planExec.exec.unassigned')}</Typography.Text>
                  ),
                },
                { key: 'co', label: t('planExec.fields.co'), children: orgNames(node.coOrgs) || t('common.none') },
                { key: 'leader', label: t('planExec.fields.leader'), children: node.leader ?? t('common.none') },
                { key: 'weight', label: t('planExec.fields.weight'), children: node.weight },
                {
                  key: 'start',
                  label: t('planExec.fields.startDate'),
                  children: formatDate(node.startDate) || t('planExec.task.yearStart'),
                },
                {
                  key: 'due',
                  label: t('planExec.fields.dueDate'),
                  children: formatDate(node.dueDate) || node.deadline || t('planExec.exec.yearEnd'),
                },
                { key: 'cycle', label: t('planExec.fields.cycle'), children: cycleText(node) },
                {
                  key: 'percent',
                  label: t('planExec.fields.percent'),
                  children:
                    progress.percent === null ? (
                      t('common.none')
                    ) : (
                      <Progress percent={progress.percent} size="small" style={{ width: 180 }} />
                    ),
                },
                ...(node.milestones.length
                  ? [
                      {
                        key: 'milestones',
                        label: t('planExec.fields.milestones'),
                        span: 2,
                        children: (
                          <Flex vertical gap={2}>
                            {node.milestones.map((m) => (
                              <span key={`${m.title}${m.due}`}>
                                <Tag color={m.done ? 'success' : 'default'}>
                                  {m.done ? t('planExec.task.milestoneDone') : formatDate(m.due) || '—'}
                                </Tag>
                                {m.title}
                              </span>
                            ))}
                          </Flex>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
          {detail.targets.length ? (
            <Card size="small" title={t('planExec.task.targets')} style={{ marginBottom: 16 }} styles={{ body: { padding: 0 } }}>
              <Table<Target>
                rowKey="targetId"
                size="small"
                columns={targetColumns}
                dataSource={detail.targets}
                pagination={false}
                scroll={{ x: 800 }}
              />
            </Card>
          ) : null}
          <Card size="small" title={t('planExec.task.reports', { count: detail.reports.length })} data-testid="task-reports">
            {groups.length === 0 ? (
              <Empty description={t('planExec.task.noReports')} />
            ) : (
              <Collapse
                defaultActiveKey={groups.slice(0, 1).map((g) => g.key)}
                items={groups.map((g) => {
                  const head = g.list[0] as TProgressReport;
                  return {
                    key: g.key,
                    label: (
                      <Space wrap>
                        <Typography.Text strong>{head.period}</Typography.Text>
                        <span>{head.orgName}</span>
                        <ReportStatusTag status={head.status} />
                        {g.list.length > 1 ? <Tag>{t('planExec.task.versions', { count: g.list.length })}</Tag> : null}
                      </Space>
                    ),
                    extra:
                      detail.can.review && head.status === 'submitted' ? (
                        <Button
                          size="small"
                          type="primary"
                          icon={<AuditOutlined />}
                          onClick={(e) => {
                            e.stopPropagation();
                            setReviewing(head);
                          }}
                        >
                          {t('planExec.review.review')}
                        </Button>
                      ) : null,
                    children: (
                      <Flex vertical gap={16}>
                        {g.list.map((r) => (
                          <div key={r.id}>
                            {g.list.length > 1 ? (
                              <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 6 }}>
                                {t('planExec.report.versionValue', { version: r.version })}
                                {r.superseded ? ` · ${t('planExec.task.superseded')}` : ''}
                              </Typography.Text>
                            ) : null}
                            <ReportView report={r} />
                          </div>
                        ))}
                      </Flex>
                    ),
                  };
                })}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('planExec.task.timeline')} data-testid="task-timeline">
            <TaskTimeline events={detail.timeline} />
          </Card>
          <Card size="small" title={t('planExec.task.slots')} style={{ marginTop: 16 }}>
            {detail.slots.length === 0 ? (
              <Typography.Text type="secondary">{t('planExec.report.noSlots')}</Typography.Text>
            ) : (
              <Flex wrap gap={6}>
                {detail.slots.map((s) => (
                  <Tag key={s.period}>
                    {s.period} · {t('planExec.report.dueOn', { date: s.dueDate })}
                  </Tag>
                ))}
              </Flex>
            )}
          </Card>
        </Col>
      </Row>
      {reporting ? <ReportDrawer planId={detail.planId} nodeId={node.id} open onClose={() => setReporting(false)} /> : null}
      {choosing ? (
        <BehalfUnitModal
          units={behalfUnits}
          onCancel={() => setChoosing(false)}
          onChoose={(orgId) => {
            setChoosing(false);
            setBehalfOrg(orgId);
          }}
        />
      ) : null}
      {behalfOrg !== null ? (
        <ReportDrawer planId={detail.planId} nodeId={node.id} orgId={behalfOrg} open onClose={() => setBehalfOrg(null)} />
      ) : null}
      <ReviewDrawer
        planId={detail.planId}
        reportId={reviewing?.id ?? null}
        title={reviewing ? `${node.number} ${reviewing.orgName} · ${reviewing.period}` : undefined}
        open={reviewing !== null}
        onClose={() => setReviewing(null)}
      />
      {plan.data ? (
        <TaskEditDrawer
          plan={plan.data}
          node={plan.data.nodes.find((n) => n.id === node.id) ?? null}
          suggestions={suggestions.data}
          open={editing}
          onClose={() => setEditing(false)}
        />
      ) : null}
    </div>
  );
}

interface BehalfUnit {
  orgId: number;
  name: string;
  role: 'lead' | 'co';
}

/** The assigned units a manager may report for: lead units first, then co units; never the manager's own unit. */
function behalfChoices(detail: TTaskDetail): BehalfUnit[] {
  const units: BehalfUnit[] = [
    ...detail.node.leadOrgs.map((o) => ({ orgId: o.orgId, name: o.name, role: 'lead' as const })),
    ...detail.node.coOrgs.map((o) => ({ orgId: o.orgId, name: o.name, role: 'co' as const })),
  ];
  return units.filter((u, i) => u.orgId !== detail.myOrgId && units.findIndex((x) => x.orgId === u.orgId) === i);
}

/** 代为填报, step one: which assigned unit the report is for. */
function BehalfUnitModal({ units, onCancel, onChoose }: { units: BehalfUnit[]; onCancel: () => void; onChoose: (orgId: number) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ orgId: number }>();
  return (
    <Modal
      open
      title={t('planExec.behalf.chooseTitle')}
      okText={t('planExec.behalf.next')}
      cancelText={t('common.actions.cancel')}
      onCancel={onCancel}
      onOk={() => form.validateFields().then((v) => onChoose(v.orgId))}
      okButtonProps={{ 'data-testid': 'behalf-next' }}
      destroyOnHidden
      data-testid="behalf-unit-modal"
    >
      <Typography.Paragraph type="secondary">{t('planExec.behalf.chooseHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={units.length === 1 ? { orgId: units[0]?.orgId } : {}}>
        <Form.Item name="orgId" label={t('planExec.behalf.unit')} rules={[{ required: true, message: t('planExec.behalf.unitRequired') }]}>
          <Select
            placeholder={t('planExec.behalf.unitPlaceholder')}
            options={units.map((u) => ({ value: u.orgId, label: `${u.name}（${t(`planExec.role.${u.role}`)}）` }))}
            data-testid="behalf-unit"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
