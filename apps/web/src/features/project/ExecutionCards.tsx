import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { TBudgetLine, TProject } from '@kechuang/contracts';
import { Button, Card, DatePicker, Flex, Input, Popconfirm, Select, Table, Tag, Typography, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../lib/api.ts';
import { bureauDay } from '../../lib/bureau-date.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { fenToWan, isWanText, wanToFen } from '../enterprise/money.ts';
import { BudgetTable } from './BudgetTable.tsx';
import { type BudgetRowText, budgetLines, budgetToText, checkBudget } from './budget-model.ts';
import { projectApi } from './lifecycle-api.ts';
import { useProjectStep } from './ProjectPage.tsx';
import type { ProjectAction } from './project-actions.ts';
import { wanText } from './wan.ts';

/** 拨款 batches, reports (执行情况, 科技报告, 中期检查) and changes (延期, 变更负责人, 调整预算) of a running project. */
export function ExecutionCards({ p, actions }: { p: TProject; actions: ProjectAction[] }) {
  return (
    <>
      <PaymentsCard p={p} may={actions.includes('pay')} />
      <ReportsCard p={p} unit={actions.includes('report')} bureau={actions.includes('midterm')} />
      <ChangesCard p={p} ask={actions.includes('requestChange')} decide={actions.includes('decideChange')} />
    </>
  );
}

function PaymentsCard({ p, may }: { p: TProject; may: boolean }) {
  const { t } = useTranslation();
  const { run, pending } = useProjectStep();
  const [amount, setAmount] = useState('');
  const [on, setOn] = useState<Dayjs | null>(bureauDay());
  const [milestone, setMilestone] = useState('');
  // 揭榜挂帅 pays by milestone: the batch names an unpaid milestone and pays its agreed amount
  const byMilestone = p.programmeKind === 'open_competition';
  const unpaid = (p.contract?.milestones ?? []).filter((m) => !p.payments.some((x) => x.milestone === m.title));
  return (
    <Card size="small" title={t('project.page.payments.title')} style={{ marginBottom: 16 }} data-testid="project-payments">
      <Table
        size="small"
        pagination={false}
        rowKey="batch"
        dataSource={p.payments}
        locale={{ emptyText: t('project.page.payments.none') }}
        columns={[
          { title: t('project.page.payments.batch'), dataIndex: 'batch', width: 80 },
          { title: t('project.page.payments.amount'), key: 'a', render: (_, x) => `${wanText(x.amountFen)}` },
          { title: t('project.page.payments.paidOn'), dataIndex: 'paidOn', render: (v: string) => formatDate(v) },
          { title: t('project.page.payments.milestone'), dataIndex: 'milestone', render: (v: string | null) => v ?? '—' },
        ]}
      />
      {may ? (
        <Flex gap={8} style={{ marginTop: 12 }} wrap>
          <Input
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            suffix={t('project.page.wanUnit')}
            placeholder={t('project.page.payments.amount')}
            status={amount && !isWanText(amount) ? 'error' : undefined}
            style={{ width: 180 }}
            data-testid="payment-amount"
          />
          <DatePicker value={on} onChange={setOn} />
          {byMilestone ? (
            <Select
              value={milestone || undefined}
              onChange={(v: string) => {
                setMilestone(v);
                const m = unpaid.find((x) => x.title === v);
                if (m?.paymentFen) setAmount(fenToWan(m.paymentFen));
              }}
              placeholder={t('project.page.payments.milestone')}
              style={{ width: 260 }}
              options={unpaid.map((m) => ({ value: m.title, label: `${m.title}（${wanText(m.paymentFen ?? 0)}）` }))}
              data-testid="payment-milestone"
            />
          ) : (
            <Input
              value={milestone}
              onChange={(e) => setMilestone(e.target.value)}
              placeholder={t('project.page.payments.milestone')}
              style={{ width: 220 }}
            />
          )}
          <Button
            type="primary"
            loading={pending}
            disabled={!isWanText(amount) || !on || (byMilestone && !milestone)}
            data-testid="payment-save"
            onClick={() =>
              run(
                () =>
                  projectApi.pay(p, {
                    amountFen: wanToFen(amount) ?? 0,
                    paidOn: (on ?? dayjs()).format('YYYY-MM-DD'),
                    milestone: milestone || null,
                    note: null,
                  }),
                () => {
                  setAmount('');
                  setMilestone('');
                },
              )
            }
          >
            {t('project.page.payments.add')}
          </Button>
        </Flex>
      ) : null}
    </Card>
  );
}

type ReportKind = 'periodic' | 'midterm' | 'tech_report';

function ReportsCard({ p, unit, bureau }: { p: TProject; unit: boolean; bureau: boolean }) {
  const { t } = useTranslation();
  const { run, pending } = useProjectStep();
  const kinds: ReportKind[] = [...(unit ? (['periodic', 'tech_report'] as const) : []), ...(bureau ? (['midterm'] as const) : [])];
  const [picked, setKind] = useState<ReportKind | undefined>(kinds[0]);
  // the kinds follow the project's status: a kind no longer offered is never kept
  const kind = picked && kinds.includes(picked) ? picked : kinds[0];
  const [period, setPeriod] = useState('');
  const [progress, setProgress] = useState('');
  const [outcome, setOutcome] = useState<'good' | 'fair' | 'poor'>('good');
  return (
    <Card size="small" title={t('project.page.reports.title')} style={{ marginBottom: 16 }} data-testid="project-reports">
      <Table
        size="small"
        pagination={false}
        rowKey="id"
        dataSource={p.reports}
        locale={{ emptyText: t('project.page.reports.none') }}
        columns={[
          { title: t('project.page.reports.kind'), dataIndex: 'kind', render: (k: ReportKind) => t(`project.page.reports.kinds.${k}`) },
          { title: t('project.page.reports.period'), dataIndex: 'period', render: (v: string | null) => v ?? '—' },
          {
            title: t('project.page.reports.outcome'),
            dataIndex: 'outcome',
            render: (v: string | null) => (v ? <Tag>{t(`project.page.reports.outcomes.${v as 'good'}`)}</Tag> : '—'),
          },
          { title: t('project.page.reports.at'), dataIndex: 'submittedAt', render: (v: string) => formatDateTime(v) },
          {
            title: t('project.page.reports.file'),
            key: 'file',
            render: (_, r) =>
              r.file ? (
                <Button
                  type="link"
                  size="small"
                  icon={<PaperClipOutlined />}
                  data-testid="report-file-download"
                  onClick={() => downloadFile(`/api/projects/${p.id}/reports/${r.id}/file`, r.file?.filename ?? 'report')}
                >
                  {r.file.filename}
                </Button>
              ) : unit && r.kind !== 'midterm' ? (
                <Upload
                  showUploadList={false}
                  beforeUpload={(file) => {
                    run(() => projectApi.reportFile(p, r.id, file));
                    return false;
                  }}
                >
                  <Button size="small" icon={<UploadOutlined />} loading={pending} data-testid="report-file-upload">
                    {t('project.page.reports.upload')}
                  </Button>
                </Upload>
              ) : (
                '—'
              ),
          },
        ]}
      />
      {kind ? (
        <Flex gap={8} style={{ marginTop: 12 }} wrap>
          <Select<ReportKind>
            value={kind}
            onChange={setKind}
            style={{ width: 150 }}
            options={kinds.map((k) => ({ value: k, label: t(`project.page.reports.kinds.${k}`) }))}
            data-testid="report-kind"
          />
          <Input
            value={period}
            onChange={(e) => setPeriod(e.target.value)}
            placeholder={t('project.page.reports.periodHint')}
            style={{ width: 140 }}
          />
          {kind === 'midterm' ? (
            <Select
              value={outcome}
              onChange={setOutcome}
              style={{ width: 110 }}
              options={(['good', 'fair', 'poor'] as const).map((o) => ({ value: o, label: t(`project.page.reports.outcomes.${o}`) }))}
            />
          ) : null}
          <Input.TextArea
            value={progress}
            onChange={(e) => setProgress(e.target.value)}
            rows={2}
            placeholder={t('project.page.reports.progress')}
            style={{ width: '100%' }}
            data-testid="report-progress"
          />
          <Button
            type="primary"
            loading={pending}
            disabled={!progress.trim()}
            data-testid="report-save"
            onClick={() =>
              run(
                () => projectApi.report(p, { kind, period: period || null, progress, outcome: kind === 'midterm' ? outcome : null }),
                () => setProgress(''),
              )
            }
          >
            {t('project.page.reports.submit')}
          </Button>
        </Flex>
      ) : null}
    </Card>
  );
}

function ChangesCard({ p, ask, decide }: { p: TProject; ask: boolean; decide: boolean }) {
  const { t } = useTranslation();
  const { run, pending } = useProjectStep();
  const [kind, setKind] = useState<'extension' | 'leader_change' | 'budget_adjustment'>('extension');
  const [endOn, setEndOn] = useState<Dayjs | null>(null);
  const [leader, setLeader] = useState('');
  const [reason, setReason] = useState('');
  // 调整预算: the 任务书's table to rearrange; its totals stay
  const contracted = p.contract?.budget ?? [];
  const [rows, setRows] = useState<BudgetRowText[]>(() => budgetToText(contracted));
  const fiscalTotal = fenToWan(contracted.reduce((s, l) => s + l.fiscalFen, 0));
  const budgetCheck = checkBudget(rows, fiscalTotal, fenToWan(budgetLines(rows).reduce((s, l) => s + l.selfFen, 0)));
  const budgetReady = budgetCheck.badCells === 0 && budgetCheck.fiscalMatches;
  const changeDetail = (request: unknown): string => {
    const r = (request ?? {}) as { endOn?: string; leaderName?: string; budget?: TBudgetLine[] };
    if (r.endOn) return `${t('project.page.changes.newEnd')} ${r.endOn}`;
    if (r.leaderName) return `${t('project.page.changes.newLeader')}：${r.leaderName}`;
    if (r.budget)
      return r.budget
        .map((b) =>
          t('project.page.contract.budgetLine', {
            category: t(`project.budgetCategories.${b.category}`),
            fiscal: wanText(b.fiscalFen),
            self: wanText(b.selfFen),
          }),
        )
        .join('；');
    return '';
  };
  const ready =
    reason.trim() !== '' && (kind === 'extension' ? endOn !== null : kind === 'leader_change' ? leader.trim() !== '' : budgetReady);
  return (
    <Card size="small" title={t('project.page.changes.title')} style={{ marginBottom: 16 }} data-testid="project-changes">
      <Table
        size="small"
        pagination={false}
        rowKey="id"
        dataSource={p.changes}
        locale={{ emptyText: t('project.page.changes.none') }}
        columns={[
          {
            title: t('project.page.changes.kind'),
            dataIndex: 'kind',
            // the bureau decides on what was asked: the new end date, leader or budget, not the kind alone
            render: (k: string, c) => (
              <>
                {t(`project.page.changes.kinds.${k as 'extension'}`)}
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {changeDetail(c.request)}
                </Typography.Text>
              </>
            ),
          },
          { title: t('project.page.changes.reason'), dataIndex: 'reason' },
          {
            title: t('project.page.changes.status'),
            dataIndex: 'status',
            render: (s: string) => t(`project.page.changes.statuses.${s as 'pending'}`),
          },
          { title: t('project.page.reports.at'), dataIndex: 'requestedAt', render: (v: string) => formatDateTime(v) },
          {
            title: t('common.table.actions'),
            key: 'x',
            render: (_, c) =>
              decide && c.status === 'pending' ? (
                <Flex gap={4}>
                  {/* a decision on a change cannot be taken back: each asks once */}
                  <Popconfirm
                    title={t('project.page.changes.confirmApprove', { kind: t(`project.page.changes.kinds.${c.kind as 'extension'}`) })}
                    onConfirm={() => run(() => projectApi.decideChange(p, c.id, true, null))}
                  >
                    <Button size="small" type="primary" loading={pending}>
                      {t('project.page.changes.approve')}
                    </Button>
                  </Popconfirm>
                  <Popconfirm
                    title={t('project.page.changes.confirmReject', { kind: t(`project.page.changes.kinds.${c.kind as 'extension'}`) })}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => run(() => projectApi.decideChange(p, c.id, false, null))}
                  >
                    <Button size="small" danger loading={pending}>
                      {t('project.page.changes.reject')}
                    </Button>
                  </Popconfirm>
                </Flex>
              ) : (
                (c.decisionNote ?? null)
              ),
          },
        ]}
      />
      {ask ? (
        <Flex gap={8} style={{ marginTop: 12 }} wrap>
          <Select
            value={kind}
            onChange={setKind}
            style={{ width: 140 }}
            options={(['extension', 'leader_change', 'budget_adjustment'] as const).map((k) => ({
              value: k,
              label: t(`project.page.changes.kinds.${k}`),
            }))}
            data-testid="change-kind"
          />
          {kind === 'extension' ? (
            <DatePicker value={endOn} onChange={setEndOn} placeholder={t('project.page.changes.newEnd')} />
          ) : kind === 'leader_change' ? (
            <Input
              value={leader}
              onChange={(e) => setLeader(e.target.value)}
              placeholder={t('project.page.changes.newLeader')}
              style={{ width: 160 }}
            />
          ) : null}
          <Input
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder={t('project.page.changes.reason')}
            style={{ width: 300 }}
          />
          <Button
            loading={pending}
            disabled={!ready}
            onClick={() =>
              run(() =>
                projectApi.requestChange(
                  p,
                  kind === 'extension'
                    ? { kind, endOn: (endOn ?? dayjs()).format('YYYY-MM-DD'), reason }
                    : kind === 'leader_change'
                      ? { kind, leaderName: leader, reason }
                      : { kind, budget: budgetLines(rows), reason },
                ),
              )
            }
          >
            {t('project.page.changes.request')}
          </Button>
          {kind === 'budget_adjustment' ? (
            <div style={{ flexBasis: '100%' }} data-testid="change-budget">
              <Typography.Text type="secondary">{t('project.page.changes.budgetHint')}</Typography.Text>
              <BudgetTable
                rows={rows}
                onRows={setRows}
                fiscalTotal={fiscalTotal}
                selfTotal={fenToWan(budgetCheck.selfSumFen)}
                onTotals={() => {}}
                totalsFixed
              />
            </div>
          ) : null}
        </Flex>
      ) : null}
    </Card>
  );
}
