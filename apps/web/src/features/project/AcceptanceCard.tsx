import type { TProject } from '@kechuang/contracts';
import { Alert, Button, Card, Checkbox, Divider, Drawer, Flex, Input, Popconfirm, Radio, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import { useCurrentUser } from '../auth/auth-api.ts';
import { AvoidanceCard } from '../review/AvoidanceCard.tsx';
import { BatchTabs } from '../review/BatchTabs.tsx';
import { ReviewResult } from '../review/ReviewResult.tsx';
import { reviewRoles } from '../review/roles.ts';
import { projectApi } from './lifecycle-api.ts';
import { useProjectStep } from './ProjectPage.tsx';
import { allowedVerdicts, type ProjectAction, type Verdict, verdictFits } from './project-actions.ts';

type PassFail = 'pass' | 'fail';
interface TargetRow {
  name: string;
  promised: string;
  achieved: string;
  met: boolean;
}

/** 结题验收: the unit asks for it (科技报告 first); the bureau compares each target, records both results and a verdict. */
export function AcceptanceCard({ p, actions }: { p: TProject; actions: ProjectAction[] }) {
  const { t } = useTranslation();
  const { run, pending } = useProjectStep();
  const hasTechReport = p.reports.some((r) => r.kind === 'tech_report');
  const [task, setTask] = useState<PassFail>('pass');
  const [finance, setFinance] = useState<PassFail>('pass');
  const verdicts = allowedVerdicts(p.status).filter((v) => verdictFits(v, task, finance));
  const [verdict, setVerdict] = useState<Verdict | undefined>();
  const [rows, setRows] = useState<TargetRow[]>(() =>
    (p.contract?.targets ?? []).map((x) => ({ name: x.name, promised: x.value, achieved: '', met: false })),
  );
  const [note, setNote] = useState('');
  const [endReason, setEndReason] = useState('');
  const chosen = verdict && verdicts.includes(verdict) ? verdict : undefined;
  const rowsOk = rows.every((r) => /^\d{1,12}(\.\d{1,6})?$/.test(r.achieved));
  const acceptances = p.acceptances;
  return (
    <Card size="small" title={t('project.page.acceptance.title')} style={{ marginBottom: 16 }} data-testid="project-acceptance">
      {acceptances.length > 0 ? (
        <Table
          size="small"
          pagination={false}
          rowKey="round"
          dataSource={acceptances}
          columns={[
            { title: t('project.page.acceptance.round'), dataIndex: 'round', width: 70 },
            {
              title: t('project.page.acceptance.task'),
              dataIndex: 'taskResult',
              render: (v: PassFail) => t(`project.page.acceptance.results.${v}`),
            },
            {
              title: t('project.page.acceptance.finance'),
              dataIndex: 'financeResult',
              render: (v: PassFail) => t(`project.page.acceptance.results.${v}`),
            },
            {
              title: t('project.page.acceptance.conclusion'),
              dataIndex: 'conclusion',
              render: (v: string) => (v in verdictLabels ? t(verdictLabels[v] as 'project.page.acceptance.verdicts.pass') : v),
            },
            { title: t('project.page.reports.at'), dataIndex: 'decidedAt', render: (v: string) => formatDateTime(v) },
          ]}
        />
      ) : (
        <Typography.Text type="secondary">{t('project.page.acceptance.none')}</Typography.Text>
      )}
      {actions.includes('requestAcceptance') ? (
        <Flex gap={8} align="center" style={{ marginTop: 12 }}>
          <Button
            type="primary"
            disabled={!hasTechReport}
            loading={pending}
            onClick={() => run(() => projectApi.requestAcceptance(p))}
            data-testid="acceptance-request"
          >
            {t('project.page.acceptance.request')}
          </Button>
          {hasTechReport ? null : <Typography.Text type="warning">{t('project.page.acceptance.needTechReport')}</Typography.Text>}
        </Flex>
      ) : null}
      <AcceptanceReview p={p} />
      <UnitAvoidance p={p} />
      {actions.includes('accept') ? (
        <div style={{ marginTop: 12 }} data-testid="acceptance-form">
          {p.status === 'rectifying' ? (
            <Alert type="warning" showIcon title={t('project.page.acceptance.rectifyingHint')} style={{ marginBottom: 8 }} />
          ) : null}
          <Table<TargetRow>
            size="small"
            pagination={false}
            rowKey="name"
            dataSource={rows}
            columns={[
              { title: t('project.page.app.targetName'), dataIndex: 'name' },
              { title: t('project.page.acceptance.promised'), dataIndex: 'promised', width: 120 },
              {
                title: t('project.page.acceptance.achieved'),
                key: 'a',
                width: 160,
                render: (_, r, i) => (
                  <Input
                    value={r.achieved}
                    aria-label={`${r.name} ${t('project.page.acceptance.achieved')}`}
                    onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, achieved: e.target.value } : x)))}
                  />
                ),
              },
              {
                title: t('project.page.acceptance.met'),
                key: 'm',
                width: 80,
                render: (_, r, i) => (
                  <Checkbox
                    checked={r.met}
                    aria-label={`${r.name} ${t('project.page.acceptance.met')}`}
                    onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, met: e.target.checked } : x)))}
                  />
                ),
              },
            ]}
          />
          <Flex gap={16} wrap style={{ marginTop: 12 }} align="center">
            <span>
              {t('project.page.acceptance.task')}：
              <Radio.Group value={task} onChange={(e) => setTask(e.target.value)} options={passFail(t)} data-testid="acceptance-task" />
            </span>
            <span>
              {t('project.page.acceptance.finance')}：
              <Radio.Group
                value={finance}
                onChange={(e) => setFinance(e.target.value)}
                options={passFail(t)}
                data-testid="acceptance-finance"
              />
            </span>
            <Select<Verdict>
              value={chosen}
              onChange={setVerdict}
              placeholder={t('project.page.acceptance.verdict')}
              style={{ width: 200 }}
              options={verdicts.map((v) => ({
                value: v,
                label: t(
                  verdictLabels[
                    p.status === 'rectifying' && v === 'pass' ? 'passed_after_rectification' : v
                  ] as 'project.page.acceptance.verdicts.pass',
                ),
              }))}
              data-testid="acceptance-verdict"
            />
          </Flex>
          <Input.TextArea
            value={note}
            onChange={(e) => setNote(e.target.value)}
            rows={2}
            placeholder={t('project.page.acceptance.note')}
            style={{ marginTop: 8 }}
          />
          <Button
            type="primary"
            style={{ marginTop: 8 }}
            disabled={!chosen || !rowsOk}
            loading={pending}
            data-testid="acceptance-save"
            onClick={() =>
              chosen &&
              run(() =>
                projectApi.accept(p, {
                  taskResult: task,
                  financeResult: finance,
                  verdict: chosen,
                  targetResults: rows,
                  note: note || null,
                }),
              )
            }
          >
            {t('project.page.acceptance.save')}
          </Button>
        </div>
      ) : null}
      {actions.includes('end') ? (
        <>
          <Divider titlePlacement="start">{t('project.page.acceptance.end')}</Divider>
          <Flex gap={8}>
            <Input
              value={endReason}
              onChange={(e) => setEndReason(e.target.value)}
              placeholder={t('project.page.acceptance.endReason')}
              style={{ width: 360 }}
            />
            {(['terminate', 'revoke'] as const).map((k) => (
              <Popconfirm
                key={k}
                title={t(`project.page.acceptance.${k}Confirm`)}
                onConfirm={() => run(() => projectApi.end(p, k, endReason))}
                disabled={!endReason.trim()}
              >
                <Button danger disabled={!endReason.trim()}>
                  {t(`project.page.acceptance.${k}`)}
                </Button>
              </Popconfirm>
            ))}
          </Flex>
        </>
      ) : null}
    </Card>
  );
}

const verdictLabels: Record<string, string> = {
  pass: 'project.page.acceptance.verdicts.pass',
  conclude: 'project.page.acceptance.verdicts.conclude',
  rectify: 'project.page.acceptance.verdicts.rectify',
  fail: 'project.page.acceptance.verdicts.fail',
  passed: 'project.page.acceptance.verdicts.pass',
  concluded: 'project.page.acceptance.verdicts.conclude',
  rectifying: 'project.page.acceptance.verdicts.rectify',
  failed: 'project.page.acceptance.verdicts.fail',
  passed_after_rectification: 'project.page.acceptance.verdicts.passed_after_rectification',
};

function passFail(t: (k: 'project.page.acceptance.results.pass' | 'project.page.acceptance.results.fail') => string) {
  return [
    { value: 'pass', label: t('project.page.acceptance.results.pass') },
    { value: 'fail', label: t('project.page.acceptance.results.fail') },
  ];
}

/** Statuses in which the project has (or may get) an acceptance panel. */
const panelStatuses = ['acceptance_requested', 'rectifying', 'passed', 'concluded', 'failed', 'passed_after_rectification'];

/**
 * 验收专家组 for the bureau: the panel's aggregated score beside the decision, and the draw, rubric and scores
 * of the project's own panel (the project is its batch) in a drawer.
 */
function AcceptanceReview({ p }: { p: TProject }) {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const roles = reviewRoles(user);
  const [open, setOpen] = useState(false);
  if (!roles.reader || !panelStatuses.includes(p.status)) return null;
  const waiting = p.status === 'acceptance_requested' || p.status === 'rectifying' ? [{ id: p.id, title: p.title }] : [];
  const manage = (
    <Button size="small" type="link" onClick={() => setOpen(true)} data-testid="acceptance-panel-open">
      {t('review.acceptancePanel.manage')}
    </Button>
  );
  return (
    <div style={{ marginTop: 12 }} data-testid="acceptance-panel">
      <ReviewResult subjectId={p.id} subjectKind="acceptance" link={manage} />
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        width={1100}
        destroyOnHidden
        title={t('review.acceptancePanel.drawerTitle', { title: p.title })}
      >
        <BatchTabs subjectKind="acceptance" batchId={p.id} roles={roles} waiting={waiting} />
      </Drawer>
    </div>
  );
}

/** The undertaking unit may ask for avoidance (回避申请) on its acceptance panel, until the panel is drawn. */
function UnitAvoidance({ p }: { p: TProject }) {
  const { user } = useCurrentUser();
  if (reviewRoles(user).reader || user.orgId !== p.orgId || !['executing', 'acceptance_requested'].includes(p.status)) return null;
  return (
    <div style={{ marginTop: 12 }}>
      <AvoidanceCard subjectKind="acceptance" subjectId={p.id} />
    </div>
  );
}
