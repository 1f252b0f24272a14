import { EditOutlined } from '@ant-design/icons';
import type { TProgressReport, TTaskDetail } from '@kechuang/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Drawer, Empty, Flex, Select, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/error-text.ts';
import { formatDate } from '../../lib/format.ts';
import { refreshPlan, reviseReport, useTaskDetail } from './exec-api.ts';
import { StatusTag } from './exec-format.tsx';
import { ReportForm } from './ReportForm.tsx';
import { ReportView } from './ReportView.tsx';
import { type ReportFor, reportFor } from './report-for.ts';

/** The report a unit owes for a period: its latest version (highest), if any. */
export function latestFor(detail: TTaskDetail, period: string, orgId: number | null): TProgressReport | undefined {
  return detail.reports.filter((r) => r.period === period && r.orgId === orgId).sort((a, b) => b.version - a.version)[0];
}

/**
 * The period to open by default for a unit (the user's own unless given): the first one still without a
 * submitted or accepted report, else the last.
 */
export function defaultPeriod(detail: TTaskDetail, orgId: number | null = detail.myOrgId): string | undefined {
  const open = detail.slots.find((s) => {
    const r = latestFor(detail, s.period, orgId);
    return !r || r.status === 'draft' || r.status === 'returned';
  });
  return open?.period ?? detail.slots.at(-1)?.period;
}

/**
 * 填报进度: a drawer over the inbox or the task page. Shows the task's status and targets, lets the unit
 * pick the period, keep a draft (with evidence files), submit it, or start a correction of a submitted one.
 * With `orgId` (plan managers only), it does the same on behalf of that assigned unit (代为填报).
 */
export function ReportDrawer({
  planId,
  nodeId,
  orgId,
  period: initialPeriod,
  open,
  onClose,
}: {
  planId: number;
  nodeId: number;
  /** 代为填报: the assigned unit to report for; the user's own unit when absent */
  orgId?: number | undefined;
  period?: string | undefined;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const detail = useTaskDetail(planId, open ? nodeId : 0);
  const [period, setPeriod] = useState<string | undefined>(initialPeriod);
  const d = detail.data;
  const who = d ? reportFor(d, orgId) : null;
  useEffect(() => {
    if (!period && detail.data) setPeriod(defaultPeriod(detail.data, reportFor(detail.data, orgId).orgId));
  }, [detail.data, period, orgId]);

  const latest = d && who && period ? latestFor(d, period, who.orgId) : undefined;
  const slot = d?.slots.find((s) => s.period === period);

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={720}
      destroyOnHidden
      title={
        d
          ? who?.behalf
            ? t('planExec.behalf.drawerTitle', { org: who.behalf.name, number: d.node.number })
            : t('planExec.report.drawerTitle', { number: d.node.number })
          : t('planExec.report.title')
      }
      data-testid="report-drawer"
    >
      {!d || !who ? (
        detail.isError ? (
          <Alert type="error" showIcon title={t('common.loadFailed')} />
        ) : (
          <Skeleton active />
        )
      ) : (
        <>
          {who.behalf ? (
            <Alert
              type="warning"
              showIcon
              title={t('planExec.behalf.notice', { org: who.behalf.name })}
              style={{ marginBottom: 12 }}
              data-testid="report-behalf-notice"
            />
          ) : null}
          <Typography.Paragraph strong style={{ marginBottom: 8 }}>
            {d.node.title}
          </Typography.Paragraph>
          <Descriptions
            size="small"
            column={2}
            style={{ marginBottom: 12 }}
            items={[
              { key: 'plan', label: t('planExec.fields.plan'), children: d.planTitle, span: 2 },
              {
                key: 'status',
                label: t('planExec.fields.status'),
                children: <StatusTag status={d.progress.status} reason={d.progress.statusReason} />,
              },
              { key: 'due', label: t('planExec.fields.dueDate'), children: formatDate(d.node.dueDate) || t('planExec.exec.yearEnd') },
              { key: 'reason', label: t('planExec.fields.statusReason'), children: d.progress.statusReason, span: 2 },
            ]}
          />
          {d.slots.length === 0 ? (
            <Empty description={t('planExec.report.noSlots')} />
          ) : (
            <>
              <Flex align="center" gap={8} style={{ marginBottom: 12 }}>
                <Typography.Text>{t('planExec.report.period')}</Typography.Text>
                <Select
                  value={period}
                  onChange={setPeriod}
                  style={{ width: 320 }}
                  options={d.slots.map((s) => {
                    const r = latestFor(d, s.period, who.orgId);
                    return {
                      value: s.period,
                      label: `${s.period}（${t('planExec.report.dueOn', { date: s.dueDate })}）${r ? ` · ${t(`planExec.reportStatus.${r.status}`)}` : ''}`,
                    };
                  })}
                  data-testid="report-period"
                />
              </Flex>
              {period && slot ? (
                <PeriodReport
                  key={`${period}:${latest?.id ?? 'new'}:${latest?.status ?? ''}`}
                  detail={d}
                  who={who}
                  period={period}
                  dueDate={slot.dueDate}
                  latest={latest}
                  onDone={onClose}
                />
              ) : null}
            </>
          )}
        </>
      )}
    </Drawer>
  );
}

function PeriodReport({
  detail,
  who,
  period,
  dueDate,
  latest,
  onDone,
}: {
  detail: TTaskDetail;
  who: ReportFor;
  period: string;
  dueDate: string;
  latest: TProgressReport | undefined;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<null | 'revise'>(null);

  if (latest && latest.status !== 'draft') {
    const canRevise = detail.can.report && latest.orgId === who.orgId && !latest.superseded;
    const revise = () => {
      setBusy('revise');
      reviseReport(latest.id)
        .then(() => refreshPlan(queryClient, detail.planId))
        .then(() => message.success(t('planExec.report.revised')))
        .catch((e: unknown) => message.error(errorText(e)))
        .finally(() => setBusy(null));
    };
    return (
      <>
        <ReportView report={latest} />
        {canRevise ? (
          <Flex justify="flex-end" style={{ marginTop: 16 }}>
            <Button
              type={latest.status === 'returned' ? 'primary' : 'default'}
              icon={<EditOutlined />}
              loading={busy === 'revise'}
              onClick={revise}
              data-testid="report-revise"
            >
              {latest.status === 'returned' ? t('planExec.report.reviseReturned') : t('planExec.report.correct')}
            </Button>
          </Flex>
        ) : null}
      </>
    );
  }
  const assigned = [...detail.node.leadOrgs, ...detail.node.coOrgs].some((o) => o.orgId === who.orgId);
  if (!detail.can.report || !assigned)
    return (
      <Alert
        type="info"
        showIcon
        title={who.behalf ? t('planExec.behalf.cannotReport', { org: who.behalf.name }) : t('planExec.report.cannotReport')}
      />
    );
  return <ReportForm detail={detail} who={who} period={period} dueDate={dueDate} draft={latest} onDone={onDone} />;
}
