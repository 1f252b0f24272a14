import type { TPlatformDetail, TPlatformType } from '@kechuang/contracts';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.ts';
import { bureauYear } from '../../lib/bureau-date.ts';
import { useErrorText } from '../../lib/error-text.ts';
import { GradeTag, levelOrder } from './labels.tsx';
import { usePlatform, usePlatformMutation, usePlatformTypes } from './platform-api.ts';

/** A platform: what the 认定 notice states, its type's figures, the status history, yearly reports and grades. */
export function PlatformDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const detail = usePlatform(id);
  const types = usePlatformTypes();
  const p = detail.data;
  const type = types.data?.find((x) => x.code === p?.typeCode);
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size="large"
      title={p?.name ?? t('platform.drawer.title')}
      destroyOnHidden
      data-testid="platform-drawer"
    >
      {p && type ? (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('platform.fields.type')}>{p.typeName}</Descriptions.Item>
            <Descriptions.Item label={t('platform.fields.level')}>{t(`platform.levels.${p.level}`)}</Descriptions.Item>
            <Descriptions.Item label={t('platform.fields.org')} span={2}>
              {p.orgName}
            </Descriptions.Item>
            <Descriptions.Item label={t('platform.fields.docNo')}>{p.docNo}</Descriptions.Item>
            <Descriptions.Item label={t('platform.fields.approvedOn')}>{p.approvedOn}</Descriptions.Item>
            <Descriptions.Item label={t('platform.fields.region')}>{p.regionName}</Descriptions.Item>
            <Descriptions.Item label={t('platform.fields.status')}>
              <span data-testid="platform-status">{t(`platform.status.${p.status}`)}</span>
            </Descriptions.Item>
            {type.fields
              .filter((f) => p.fields[f.key] !== undefined)
              .map((f) => (
                <Descriptions.Item key={f.key} label={f.label}>
                  {p.fields[f.key]} {f.unit}
                </Descriptions.Item>
              ))}
          </Descriptions>
          <Card size="small" title={t('platform.drawer.history')}>
            <Timeline
              items={p.events.map((e) => ({
                color: e.kind === 'delist' ? 'red' : e.kind === 'downgrade' ? 'orange' : 'green',
                children: (
                  <div data-testid="platform-event">
                    <Typography.Text strong>{t(`platform.events.${e.kind}`)}</Typography.Text>
                    {e.toLevel ? ` · ${t(`platform.levels.${e.toLevel}`)}` : ''} · {e.on}
                    <div>
                      <Typography.Text type="secondary">{[e.docNo, e.note, e.by].filter(Boolean).join(' · ')}</Typography.Text>
                    </div>
                  </div>
                ),
              }))}
            />
          </Card>
          <ReportsCard p={p} type={type} />
          <Card size="small" title={t('platform.drawer.grades')}>
            {p.grades.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('platform.drawer.noGrades')} />
            ) : (
              <Table
                size="small"
                rowKey="evaluationId"
                pagination={false}
                dataSource={p.grades}
                columns={[
                  { title: t('platform.fields.year'), dataIndex: 'year' },
                  { title: t('platform.fields.score'), dataIndex: 'score' },
                  { title: t('platform.fields.grade'), key: 'g', render: (_, g) => <GradeTag grade={g.grade} /> },
                ]}
              />
            )}
          </Card>
          {p.canManage && p.status === 'active' ? <ChangeForm p={p} /> : null}
        </Space>
      ) : null}
    </Drawer>
  );
}

function ReportsCard({ p, type }: { p: TPlatformDetail; type: TPlatformType }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ year: number; data: Record<string, number | null> }>();
  const save = usePlatformMutation((v: { year: number; data: Record<string, number>; submit: boolean }) =>
    api.put<TPlatformDetail>(`/api/platforms/${p.id}/reports/${v.year}`, { data: v.data, submit: v.submit }),
  );
  const thisYear = bureauYear();
  const first = Number(p.approvedOn.slice(0, 4));
  const years: number[] = [];
  for (let y = thisYear; y >= first && years.length < 6; y--) years.push(y);
  const submit = async (asFinal: boolean) => {
    const v = await form.validateFields();
    const data: Record<string, number> = {};
    for (const [k, x] of Object.entries(v.data ?? {})) if (x !== null && x !== undefined) data[k] = x;
    try {
      await save.mutateAsync({ year: v.year, data, submit: asFinal });
      message.success(t(asFinal ? 'platform.drawer.reportSubmitted' : 'platform.drawer.draftSaved'));
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const pickYear = (y: number) => {
    const r = p.reports.find((x) => x.year === y);
    form.setFieldsValue({ year: y, data: Object.fromEntries(type.fields.map((f) => [f.key, r?.data[f.key] ?? null])) });
  };
  return (
    <Card size="small" title={t('platform.drawer.reports')}>
      {p.reports.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('platform.drawer.noReports')} />
      ) : (
        <Table
          size="small"
          rowKey="year"
          pagination={false}
          dataSource={p.reports}
          scroll={{ x: 600 }}
          columns={[
            { title: t('platform.fields.year'), dataIndex: 'year', width: 70, fixed: 'left' },
            {
              title: t('platform.fields.status'),
              key: 's',
              width: 90,
              render: (_, r) =>
                r.status === 'submitted' ? (
                  <Tag color="green">{t('platform.evaluations.reported')}</Tag>
                ) : (
                  <Tag>{t('platform.appStatus.draft')}</Tag>
                ),
            },
            ...type.fields.map((f) => ({
              title: `${f.label}（${f.unit}）`,
              key: f.key,
              width: 120,
              render: (_: unknown, r: { data: Record<string, number> }) => r.data[f.key] ?? '—',
            })),
          ]}
        />
      )}
      {p.canReport ? (
        <Form form={form} layout="vertical" style={{ marginTop: 16 }} initialValues={{ year: thisYear }} data-testid="platform-report-form">
          <Typography.Title level={5}>{t('platform.drawer.report')}</Typography.Title>
          <Form.Item name="year" label={t('platform.fields.year')} rules={[{ required: true }]}>
            <Select style={{ width: 140 }} options={years.map((y) => ({ value: y, label: `${y}` }))} onChange={pickYear} />
          </Form.Item>
          <Space wrap size={[16, 0]}>
            {type.fields.map((f) => (
              <Form.Item key={f.key} name={['data', f.key]} label={`${f.label}（${f.unit}）`}>
                <InputNumber min={0} style={{ width: 180 }} />
              </Form.Item>
            ))}
          </Space>
          <Space>
            <Button onClick={() => submit(false)} loading={save.isPending}>
              {t('platform.drawer.saveDraft')}
            </Button>
            <Button type="primary" onClick={() => submit(true)} loading={save.isPending} data-testid="platform-report-submit">
              {t('platform.drawer.submitReport')}
            </Button>
          </Space>
        </Form>
      ) : null}
    </Card>
  );
}

function ChangeForm({ p }: { p: TPlatformDetail }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ kind: 'upgrade' | 'downgrade' | 'delist'; level?: string; docNo: string; on: Dayjs; note?: string }>();
  const [kind, setKind] = useState<string>('upgrade');
  const change = usePlatformMutation((v: object) => api.post<TPlatformDetail>(`/api/platforms/${p.id}/events`, v));
  const send = async () => {
    const v = await form.validateFields();
    const body = {
      kind: v.kind,
      level: v.kind === 'delist' ? undefined : v.level,
      docNo: v.docNo,
      on: v.on.format('YYYY-MM-DD'),
      note: v.note ?? '',
    };
    const go = async () => {
      try {
        await change.mutateAsync(body);
        message.success(t('platform.drawer.changed'));
        form.resetFields();
      } catch (e) {
        message.error(errorText(e));
      }
    };
    if (v.kind === 'delist') modal.confirm({ title: t('platform.drawer.delistConfirm'), onOk: go });
    else await go();
  };
  return (
    <Card size="small" title={t('platform.drawer.change')}>
      <Form form={form} layout="inline" initialValues={{ kind: 'upgrade' }} style={{ rowGap: 12 }}>
        <Form.Item name="kind" label={t('platform.fields.kind')}>
          <Select
            style={{ width: 100 }}
            onChange={setKind}
            options={(['upgrade', 'downgrade', 'delist'] as const).map((k) => ({ value: k, label: t(`platform.events.${k}`) }))}
          />
        </Form.Item>
        {kind !== 'delist' ? (
          <Form.Item name="level" label={t('platform.fields.newLevel')} rules={[{ required: true }]}>
            <Select
              style={{ width: 100 }}
              options={levelOrder.filter((l) => l !== p.level).map((l) => ({ value: l, label: t(`platform.levels.${l}`) }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item name="docNo" label={t('platform.fields.docNo')} rules={[{ required: true, min: 2 }]}>
          <Input style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="on" label={t('platform.fields.on')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="note" label={t('platform.fields.note')}>
          <Input style={{ width: 200 }} />
        </Form.Item>
        <Button type="primary" danger={kind === 'delist'} onClick={send} loading={change.isPending}>
          {t('common.actions.confirm')}
        </Button>
      </Form>
    </Card>
  );
}
