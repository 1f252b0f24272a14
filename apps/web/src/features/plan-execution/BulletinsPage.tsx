import { FileExcelOutlined, FileWordOutlined, ThunderboltOutlined } from '@ant-design/icons';
import type { TBulletin, TPlanExec } from '@kechuang/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Empty, Flex, Form, Input, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError.tsx';
import { bureauDay } from '../../lib/bureau-date.ts';
import { useErrorText } from '../../lib/error-text.ts';
import { formatDateTime } from '../../lib/format.ts';
import { JobProgress } from '../jobs/JobProgress.tsx';
import { jobEnded, useJob } from '../jobs/jobs-api.ts';
import { downloadBulletin, execKey, useBulletins, useCreateBulletin } from './exec-api.ts';
import { formatPercent } from './exec-format.tsx';
import { PlanFrame, useIsPlanManager } from './PlanSubNav.tsx';

interface Values {
  periodLabel: string;
  asOf: Dayjs | null;
  title: string;
  docNumber: string;
}

/** 进度通报: generate the period's bulletin (.docx + .xlsx), archived and downloadable. */
export function BulletinsPage() {
  return (
    <PlanFrame active="bulletins" testId="page-plan-bulletins">
      {(plan) => <BulletinsView plan={plan} />}
    </PlanFrame>
  );
}

function BulletinsView({ plan }: { plan: TPlanExec }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const manager = useIsPlanManager();
  const list = useBulletins(plan.id);
  const create = useCreateBulletin(plan.id);
  const [form] = Form.useForm<Values>();
  const [downloading, setDownloading] = useState<string | null>(null);
  const [last, setLast] = useState<TBulletin | null>(null);
  // the bulletin is built by a background job: the page follows it until it has ended
  const queryClient = useQueryClient();
  const [jobId, setJobId] = useState<number | null>(null);
  const job = useJob(jobId);
  const running = jobId !== null && !jobEnded(job.data);

  useEffect(() => {
    const j = job.data;
    if (!j || j.id !== jobId || !jobEnded(j)) return;
    setJobId(null);
    if (j.status === 'succeeded') {
      setLast((j.result as { bulletin: TBulletin }).bulletin);
      message.success(t('planExec.bulletin.generated'));
      void queryClient.invalidateQueries({ queryKey: [...execKey(plan.id), 'bulletins'] });
    } else {
      const key = `errors.${j.error?.code ?? 'job/failed'}`;
      message.error(i18n.exists(key) ? t(key as 'errors.job/failed') : (j.error?.message ?? t('errors.job/failed')));
    }
  }, [job.data, jobId, message, t, i18n, queryClient, plan.id]);
  useEffect(() => {
    if (job.isError) {
      setJobId(null);
      message.error(errorText(job.error));
    }
  }, [job.isError, job.error, message, errorText]);

  const generate = (v: Values) =>
    create
      .mutateAsync({
        periodLabel: v.periodLabel.trim(),
        ...(v.asOf ? { asOf: v.asOf.format('YYYY-MM-DD') } : {}),
        ...(v.title.trim() ? { title: v.title.trim() } : {}),
        ...(v.docNumber.trim() ? { docNumber: v.docNumber.trim() } : {}),
      })
      .then((j) => {
        setLast(null);
        setJobId(j.id);
      })
      .catch((e: unknown) => message.error(errorText(e)));

  const download = (b: TBulletin, format: 'docx' | 'xlsx') => {
    setDownloading(`${b.id}.${format}`);
    downloadBulletin(plan.id, b, format)
      .catch((e: unknown) => message.error(errorText(e)))
      .finally(() => setDownloading(null));
  };

  const columns: TableColumnsType<TBulletin> = [
    {
      title: t('planExec.bulletin.titleCol'),
      key: 'title',
      render: (_, b) => (
        <Flex vertical gap={2}>
          <Typography.Text strong>{b.title}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {b.summary.docNumber}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('planExec.bulletin.period'), dataIndex: 'periodLabel', width: 140 },
    { title: t('planExec.bulletin.asOf'), dataIndex: 'asOf', width: 110 },
    {
      title: t('planExec.bulletin.summary'),
      key: 'summary',
      width: 260,
      render: (_, b) => (
        <Space size={4} wrap>
          <Tag>{t('planExec.bulletin.tasks', { count: b.summary.tasks })}</Tag>
          <Tag color="blue">{t('planExec.bulletin.completion', { value: formatPercent(b.summary.completion) })}</Tag>
          {b.summary.lagging > 0 ? <Tag color="red">{t('planExec.bulletin.lagging', { count: b.summary.lagging })}</Tag> : null}
          <Tag color="green">{t('planExec.bulletin.targetsMet', { met: b.summary.targetsMet, total: b.summary.targets })}</Tag>
        </Space>
      ),
    },
    {
      title: t('planExec.bulletin.generatedAt'),
      key: 'at',
      width: 160,
      render: (_, b) => (
        <Flex vertical>
          <span>{formatDateTime(b.generatedAt)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {b.generatedBy ?? ''}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('planExec.bulletin.files'),
      key: 'files',
      width: 190,
      fixed: 'right',
      render: (_, b) => (
        <Space size={4}>
          <Button
            size="small"
            icon={<FileWordOutlined style={{ color: '#2b579a' }} />}
            loading={downloading === `${b.id}.docx`}
            onClick={() => download(b, 'docx')}
            data-testid="bulletin-docx"
          >
            .docx
          </Button>
          <Button
            size="small"
            icon={<FileExcelOutlined style={{ color: '#217346' }} />}
            loading={downloading === `${b.id}.xlsx`}
            onClick={() => download(b, 'xlsx')}
            data-testid="bulletin-xlsx"
          >
            .xlsx
          </Button>
        </Space>
      ),
    },
  ];

  const now = bureauDay();
  return (
    <Flex vertical gap={16}>
      {manager ? (
        <Card size="small" title={t('planExec.bulletin.generateTitle')}>
          <Typography.Paragraph type="secondary">{t('planExec.bulletin.intro')}</Typography.Paragraph>
          <Form<Values>
            form={form}
            layout="inline"
            onFinish={generate}
            initialValues={{
              periodLabel: t('planExec.bulletin.defaultPeriod', { year: now.year(), month: now.month() + 1 }),
              asOf: now,
              title: '',
              docNumber: '',
            }}
            style={{ rowGap: 12 }}
          >
            <Form.Item name="periodLabel" label={t('planExec.bulletin.period')} rules={[{ required: true, whitespace: true, max: 40 }]}>
              <Input style={{ width: 180 }} data-testid="bulletin-period" />
            </Form.Item>
            <Form.Item name="asOf" label={t('planExec.bulletin.asOf')}>
              <DatePicker allowClear={false} data-testid="bulletin-asof" />
            </Form.Item>
            <Form.Item name="docNumber" label={t('planExec.bulletin.docNumber')}>
              <Input style={{ width: 200 }} maxLength={40} placeholder={t('planExec.bulletin.docNumberPlaceholder')} />
            </Form.Item>
            <Form.Item name="title" label={t('planExec.bulletin.customTitle')}>
              <Input style={{ width: 280 }} maxLength={100} placeholder={t('planExec.bulletin.titlePlaceholder')} />
            </Form.Item>
            <Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                icon={<ThunderboltOutlined />}
                loading={create.isPending || running}
                data-testid="bulletin-generate"
              >
                {t('planExec.bulletin.generate')}
              </Button>
            </Form.Item>
          </Form>
          {create.isPending || running ? (
            <Alert
              type="info"
              showIcon
              title={t('planExec.bulletin.generating')}
              description={<JobProgress job={job.data} />}
              style={{ marginTop: 12 }}
              data-testid="bulletin-progress"
            />
          ) : last ? (
            <Alert
              type="success"
              showIcon
              title={t('planExec.bulletin.ready', { title: last.title })}
              action={
                <Space data-testid="bulletin-ready">
                  <Button size="small" onClick={() => download(last, 'docx')}>
                    .docx
                  </Button>
                  <Button size="small" onClick={() => download(last, 'xlsx')}>
                    .xlsx
                  </Button>
                </Space>
              }
              style={{ marginTop: 12 }}
            />
          ) : null}
        </Card>
      ) : null}
      <Card size="small" title={t('planExec.bulletin.archive')} styles={{ body: { padding: 0 } }}>
        {list.isError ? <QueryError error={list.error} onRetry={() => list.refetch()} /> : null}
        <Table<TBulletin>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isPending}
          onRow={() => ({ 'data-testid': 'bulletin-row' }) as object}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => t('common.table.total', { total: n }) }}
          scroll={{ x: 1000 }}
          locale={{ emptyText: <Empty description={t('planExec.bulletin.empty')} /> }}
        />
      </Card>
    </Flex>
  );
}
