import { PlusOutlined } from '@ant-design/icons';
import type { TPlatformApplication, TPlatformCall } from '@kechuang/contracts';
import {
  Alert,
  App,
  Button,
  type ButtonProps,
  Card,
  DatePicker,
  Drawer,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.ts';
import { bureauYear } from '../../lib/bureau-date.ts';
import { useErrorText } from '../../lib/error-text.ts';
import { useCurrentUser } from '../auth/auth-api.ts';
import { BatchTabs } from '../review/BatchTabs.tsx';
import { ReviewResult } from '../review/ReviewResult.tsx';
import { useSubjectResult } from '../review/review-api.ts';
import { reviewRoles } from '../review/roles.ts';
import { usePlatformApplications, usePlatformCalls, usePlatformMutation, usePlatformTypes } from './platform-api.ts';

type Dialog =
  | { kind: 'create' }
  | { kind: 'publicity'; call: TPlatformCall }
  | { kind: 'recognise'; call: TPlatformCall }
  | { kind: 'review'; app: TPlatformApplication }
  | { kind: 'panel'; call: TPlatformCall };

/** The city 认定 rounds: create, publish, review outcomes, 公示 and 认定 by document number. */
export function CallsTab({ manager }: { manager: boolean }) {
  const { t } = useTranslation();
  const calls = usePlatformCalls();
  const types = usePlatformTypes();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const { message } = App.useApp();
  const errorText = useErrorText();
  const publish = usePlatformMutation((id: number) => api.post<TPlatformCall>(`/api/platform-calls/${id}/publish`));
  const typeName = (c: string) => types.data?.find((x) => x.code === c)?.name ?? c;
  return (
    <Card
      title={t('platform.calls.title')}
      data-testid="platform-calls"
      extra={
        manager ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })} data-testid="platform-call-create">
            {t('platform.calls.create')}
          </Button>
        ) : null
      }
      styles={{ body: { padding: 0 } }}
    >
      <Table<TPlatformCall>
        rowKey="id"
        loading={calls.isFetching}
        dataSource={calls.data ?? []}
        locale={{ emptyText: t('platform.calls.empty') }}
        pagination={false}
        scroll={{ x: 1000 }}
        expandable={{
          expandedRowRender: (c) => <Applications call={c} manager={manager} onReview={(app) => setDialog({ kind: 'review', app })} />,
        }}
        columns={[
          { title: t('platform.fields.callTitle'), dataIndex: 'title', width: 280 },
          { title: t('platform.fields.types'), key: 'types', width: 200, render: (_, c) => c.typeCodes.map(typeName).join('、') },
          { title: t('platform.fields.closesOn'), dataIndex: 'closesOn', width: 110 },
          { title: t('platform.fields.applications'), dataIndex: 'applications', width: 80 },
          {
            title: t('platform.fields.status'),
            key: 'status',
            width: 200,
            render: (_, c) => (
              <div>
                <Tag
                  color={c.status === 'done' ? 'green' : c.status === 'publicity' ? 'orange' : c.status === 'open' ? 'blue' : 'default'}
                  data-testid="platform-call-status"
                >
                  {t(`platform.callStatus.${c.status}`)}
                </Tag>
                {c.publicityFrom ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {c.publicityFrom} ~ {c.publicityTo}
                  </Typography.Text>
                ) : null}
                {c.docNo ? <div style={{ fontSize: 12 }}>{c.docNo}</div> : null}
              </div>
            ),
          },
          ...(manager
            ? [
                {
                  title: '',
                  key: 'actions',
                  width: 200,
                  render: (_: unknown, c: TPlatformCall) => (
                    <Space size={4} wrap>
                      {c.status !== 'draft' ? (
                        <Button size="small" onClick={() => setDialog({ kind: 'panel', call: c })} data-testid="platform-call-panel">
                          {t('review.platform.review')}
                        </Button>
                      ) : null}
                      {c.status === 'draft' ? (
                        <Button
                          size="small"
                          data-testid="platform-call-publish"
                          onClick={() =>
                            publish.mutateAsync(c.id).then(
                              () => message.success(t('platform.calls.published')),
                              (e) => message.error(errorText(e)),
                            )
                          }
                        >
                          {t('platform.calls.publish')}
                        </Button>
                      ) : c.status === 'open' ? (
                        <Button
                          size="small"
                          onClick={() => setDialog({ kind: 'publicity', call: c })}
                          data-testid="platform-call-publicity"
                        >
                          {t('platform.calls.publicity')}
                        </Button>
                      ) : c.status === 'publicity' ? (
                        <Button
                          size="small"
                          type="primary"
                          onClick={() => setDialog({ kind: 'recognise', call: c })}
                          data-testid="platform-call-recognise"
                        >
                          {t('platform.calls.recognise')}
                        </Button>
                      ) : null}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {dialog && dialog.kind !== 'panel' ? <CallDialog dialog={dialog} onClose={() => setDialog(null)} /> : null}
      <PanelDrawer call={dialog?.kind === 'panel' ? dialog.call : undefined} onClose={() => setDialog(null)} />
    </Card>
  );
}

function Applications({ call, manager, onReview }: { call: TPlatformCall; manager: boolean; onReview: (a: TPlatformApplication) => void }) {
  const { t } = useTranslation();
  const apps = usePlatformApplications(call.id);
  if (!apps.data || apps.data.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('platform.calls.noApps')} />;
  return (
    <Table<TPlatformApplication>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={apps.data}
      data-testid="platform-call-apps"
      columns={[
        { title: t('platform.fields.name'), dataIndex: 'name', width: 240 },
        { title: t('platform.fields.org'), dataIndex: 'orgName', width: 200 },
        { title: t('platform.fields.type'), dataIndex: 'typeName', width: 140 },
        { title: t('platform.fields.conditions'), key: 'c', width: 260, render: (_, a) => <Conditions app={a} /> },
        {
          title: t('platform.fields.status'),
          key: 's',
          width: 100,
          render: (_, a) => <span data-testid="platform-app-status">{t(`platform.appStatus.${a.status}`)}</span>,
        },
        {
          title: t('platform.fields.score'),
          key: 'score',
          width: 200,
          render: (_, a) =>
            a.reviewScore === null ? (
              '—'
            ) : (
              <div>
                {a.reviewScore}
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {a.reviewOpinion}
                  </Typography.Text>
                </div>
              </div>
            ),
        },
        ...(manager
          ? [
              {
                title: '',
                key: 'a',
                width: 110,
                render: (_: unknown, a: TPlatformApplication) =>
                  call.status === 'open' && ['submitted', 'passed', 'failed'].includes(a.status) ? (
                    <Button size="small" onClick={() => onReview(a)} data-testid="platform-app-review">
                      {t('platform.calls.review')}
                    </Button>
                  ) : null,
              },
            ]
          : []),
      ]}
    />
  );
}

/** The round's expert review (专家评审): draw panels for its submitted applications, the rubric, the ranking. */
function PanelDrawer({ call, onClose }: { call: TPlatformCall | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Drawer
      open={call !== undefined}
      onClose={onClose}
      width={1100}
      destroyOnHidden
      title={call ? t('review.platform.reviewTitle', { title: call.title }) : ''}
      data-testid="platform-review-drawer"
    >
      {call ? <RoundReview callId={call.id} /> : null}
    </Drawer>
  );
}

function RoundReview({ callId }: { callId: number }) {
  const { user } = useCurrentUser();
  const apps = usePlatformApplications(callId);
  const waiting = apps.data?.filter((a) => a.status === 'submitted').map((a) => ({ id: a.id, title: a.name }));
  return <BatchTabs subjectKind="platform_application" batchId={callId} roles={reviewRoles(user)} waiting={waiting} />;
}

export function Conditions({ app }: { app: Pick<TPlatformApplication, 'conditions'> }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size={2}>
      {app.conditions.map((c) => (
        <Typography.Text key={c.field} type={c.met ? undefined : 'danger'} style={{ fontSize: 12 }}>
          {c.met ? '✓' : '✗'} {c.text}（{c.value === null ? t('platform.calls.missing') : c.value}）
        </Typography.Text>
      ))}
    </Space>
  );
}

/** The panel's aggregated score prefills the decision's score (rounded); the planner may change it. */
function PanelScore({ appId, form }: { appId: number; form: ReturnType<typeof Form.useForm>[0] }) {
  const result = useSubjectResult(appId, true, 'platform_application');
  const score = result.data?.score;
  useEffect(() => {
    if (score && form.getFieldValue('score') === undefined) form.setFieldsValue({ score: Math.round(Number(score) * 100) / 100 });
  }, [score, form]);
  return null;
}

function CallDialog({ dialog, onClose }: { dialog: Exclude<Dialog, { kind: 'panel' }>; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { user } = useCurrentUser();
  const types = usePlatformTypes();
  const [form] = Form.useForm();
  const send = usePlatformMutation(({ url, body }: { url: string; body: object }) => api.post(url, body));
  const year = bureauYear();
  const spec = {
    create: {
      title: t('platform.calls.create'),
      url: '/api/platform-calls',
      done: 'platform.calls.created',
      body: (v: { title: string; typeCodes: string[]; closesOn: Dayjs }) => ({
        title: v.title,
        typeCodes: v.typeCodes,
        closesOn: v.closesOn.format('YYYY-MM-DD'),
        regionCode: user.regionCode,
        year,
      }),
    },
    publicity: {
      title: t('platform.calls.publicity'),
      url: dialog.kind === 'publicity' ? `/api/platform-calls/${dialog.call.id}/publicity` : '',
      done: 'platform.calls.publicityStarted',
      body: (v: { from: Dayjs }) => ({ from: v.from.format('YYYY-MM-DD') }),
    },
    recognise: {
      title: t('platform.calls.recognise'),
      url: dialog.kind === 'recognise' ? `/api/platform-calls/${dialog.call.id}/recognise` : '',
      done: 'platform.calls.recognised',
      body: (v: { docNo: string; on: Dayjs }) => ({ docNo: v.docNo, on: v.on.format('YYYY-MM-DD') }),
    },
    review: {
      title: t('platform.calls.review'),
      url: dialog.kind === 'review' ? `/api/platform-applications/${dialog.app.id}/review` : '',
      done: 'platform.calls.reviewed',
      body: (v: { score: number; opinion: string; passed: boolean }) => v,
    },
  }[dialog.kind];
  return (
    <Modal
      open
      title={spec.title}
      onCancel={onClose}
      confirmLoading={send.isPending}
      okButtonProps={{ 'data-testid': 'platform-dialog-ok' } as ButtonProps}
      onOk={async () => {
        const v = await form.validateFields();
        try {
          await send.mutateAsync({ url: spec.url, body: (spec.body as (x: unknown) => object)(v) });
          message.success(t(spec.done as 'platform.calls.created'));
          onClose();
        } catch (e) {
          message.error(errorText(e));
        }
      }}
    >
      <Form form={form} layout="vertical" initialValues={{ passed: true, from: dayjs(), on: dayjs(), closesOn: dayjs(`${year}-12-31`) }}>
        {dialog.kind === 'create' ? (
          <>
            <Form.Item name="title" label={t('platform.fields.callTitle')} rules={[{ required: true, min: 4 }]}>
              <Input placeholder={`${year}年市级工程技术研究中心认定`} />
            </Form.Item>
            <Form.Item name="typeCodes" label={t('platform.fields.types')} rules={[{ required: true }]}>
              <Select mode="multiple" options={(types.data ?? []).map((x) => ({ value: x.code, label: x.name }))} />
            </Form.Item>
            <Form.Item name="closesOn" label={t('platform.fields.closesOn')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
          </>
        ) : null}
        {dialog.kind === 'publicity' ? (
          <>
            <Alert type="info" showIcon message={t('platform.calls.publicityHint')} style={{ marginBottom: 16 }} />
            <Form.Item name="from" label={t('platform.calls.publicityFrom')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
          </>
        ) : null}
        {dialog.kind === 'recognise' ? (
          <>
            <Alert type="info" showIcon message={t('platform.calls.recogniseHint')} style={{ marginBottom: 16 }} />
            <Form.Item name="docNo" label={t('platform.fields.docNo')} rules={[{ required: true, min: 2 }]}>
              <Input placeholder="衡科发〔2026〕X号" />
            </Form.Item>
            <Form.Item name="on" label={t('platform.fields.approvedOn')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
          </>
        ) : null}
        {dialog.kind === 'review' ? (
          <>
            <Typography.Paragraph strong>{dialog.app.name}</Typography.Paragraph>
            <ReviewResult subjectId={dialog.app.id} subjectKind="platform_application" link={<span />} />
            <PanelScore appId={dialog.app.id} form={form} />
            <Conditions app={dialog.app} />
            <Form.Item name="score" label={t('platform.fields.score')} rules={[{ required: true }]} style={{ marginTop: 16 }}>
              <InputNumber min={0} max={100} />
            </Form.Item>
            <Form.Item name="opinion" label={t('platform.fields.opinion')} rules={[{ required: true, min: 2 }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
            <Form.Item name="passed" label={t('platform.fields.passed')}>
              <Radio.Group
                options={[
                  { value: true, label: t('platform.calls.pass') },
                  { value: false, label: t('platform.calls.fail') },
                ]}
              />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}
