import { PaperClipOutlined } from '@ant-design/icons';
import type { TProgressReport, TReportAttachment } from '@kechuang/contracts';
import { Alert, App, Button, Descriptions, Flex, List, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/error-text.ts';
import { formatDateTime } from '../../lib/format.ts';
import { downloadAttachment } from './exec-api.ts';
import { formatNumber, ReportStatusTag } from './exec-format.tsx';

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Evidence files with download (and, for drafts, remove). */
export function AttachmentList({
  reportId,
  items,
  onRemove,
}: {
  reportId: number;
  items: TReportAttachment[];
  onRemove?: (a: TReportAttachment) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  if (items.length === 0) return <Typography.Text type="secondary">{t('planExec.report.noAttachments')}</Typography.Text>;
  return (
    <List
      size="small"
      dataSource={items}
      data-testid="report-attachments"
      renderItem={(a) => (
        <List.Item
          actions={[
            <Button
              key="dl"
              size="small"
              type="link"
              onClick={() => downloadAttachment(reportId, a).catch((e: unknown) => message.error(errorText(e)))}
              data-testid="attachment-download"
            >
              {t('planExec.report.download')}
            </Button>,
            ...(onRemove
              ? [
                  <Button key="rm" size="small" type="link" danger onClick={() => onRemove(a)}>
                    {t('planExec.report.remove')}
                  </Button>,
                ]
              : []),
          ]}
          style={{ paddingInline: 0 }}
        >
          <Flex gap={8} align="center" style={{ minWidth: 0 }}>
            <PaperClipOutlined />
            <Typography.Text ellipsis style={{ maxWidth: 300 }}>
              {a.filename}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatBytes(a.sizeBytes)}
            </Typography.Text>
          </Flex>
        </List.Item>
      )}
    />
  );
}

/** A submitted (or reviewed) report, read-only. */
export function ReportView({ report }: { report: TProgressReport }) {
  const { t } = useTranslation();
  return (
    <div data-testid="report-view">
      {report.status === 'returned' && report.reviewComment ? (
        <Alert
          type="error"
          showIcon
          title={t('planExec.report.returnedBy', { name: report.reviewedBy ?? '', at: formatDateTime(report.reviewedAt) })}
          description={report.reviewComment}
          style={{ marginBottom: 12 }}
          data-testid="report-return-comment"
        />
      ) : report.status === 'accepted' ? (
        <Alert
          type="success"
          showIcon
          title={t('planExec.report.acceptedBy', { name: report.reviewedBy ?? '', at: formatDateTime(report.reviewedAt) })}
          description={report.reviewComment || undefined}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Descriptions
        size="small"
        column={2}
        bordered
        items={[
          { key: 'status', label: t('planExec.report.status'), children: <ReportStatusTag status={report.status} /> },
          { key: 'version', label: t('planExec.report.version'), children: t('planExec.report.versionValue', { version: report.version }) },
          { key: 'org', label: t('planExec.report.org'), children: report.orgName },
          { key: 'period', label: t('planExec.report.period'), children: report.period },
          {
            key: 'percent',
            label: t('planExec.fields.percent'),
            children:
              report.percent === null ? t('common.none') : <Progress percent={report.percent} size="small" style={{ width: 160 }} />,
          },
          {
            key: 'self',
            label: t('planExec.report.selfStatus'),
            children: report.selfStatus ? t(`planExec.selfStatus.${report.selfStatus}`) : t('common.none'),
          },
          {
            key: 'submitted',
            label: t('planExec.report.submittedAt'),
            children: report.submittedAt
              ? `${formatDateTime(report.submittedAt)} ${report.submittedBy ?? ''}${report.onTime === false ? ` · ${t('planExec.report.late')}` : ''}`
              : t('common.none'),
            span: 2,
          },
          {
            key: 'narrative',
            label: t('planExec.report.narrative'),
            children: <div style={{ whiteSpace: 'pre-wrap' }}>{report.narrative || t('common.none')}</div>,
            span: 2,
          },
          ...(report.values.length
            ? [
                {
                  key: 'values',
                  label: t('planExec.report.values'),
                  span: 2,
                  children: (
                    <Flex vertical gap={2}>
                      {report.values.map((v) => (
                        <span key={v.targetId}>
                          {v.indicatorName}：<Typography.Text strong>{formatNumber(v.value, v.unit)}</Typography.Text>
                        </span>
                      ))}
                    </Flex>
                  ),
                },
              ]
            : []),
          {
            key: 'files',
            label: t('planExec.report.attachments'),
            span: 2,
            children: <AttachmentList reportId={report.id} items={report.attachments} />,
          },
        ]}
      />
    </div>
  );
}
