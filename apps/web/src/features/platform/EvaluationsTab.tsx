import type { TPlatformEvaluation, TPlatformEvaluationDetail, TPlatformGradeResult } from '@kechuang/contracts';
import {
  App,
  Button,
  type ButtonProps,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.ts';
import { bureauYear } from '../../lib/bureau-date.ts';
import { useErrorText } from '../../lib/error-text.ts';
import { useCurrentUser } from '../auth/auth-api.ts';
import { GradeTag } from './labels.tsx';
import { usePlatformEvaluation, usePlatformEvaluations, usePlatformMutation, usePlatformTypes } from './platform-api.ts';

/** 绩效评价: run a type's evaluation for a year, read the grades, confirm them (摘牌 after two 不合格 in a row). */
export function EvaluationsTab({ manager }: { manager: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { user } = useCurrentUser();
  const types = usePlatformTypes();
  const list = usePlatformEvaluations();
  const [selected, setSelected] = useState<number | null>(null);
  const [confirming, setConfirming] = useState(false);
  const detail = usePlatformEvaluation(selected);
  const [form] = Form.useForm<{ typeCode: string; year: number }>();
  const run = usePlatformMutation((v: object) => api.post<TPlatformEvaluationDetail>('/api/platform-evaluations', v));
  const grades = ['优秀', '良好', '合格', '不合格'];
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('platform.evaluations.title')}
        styles={{ body: { padding: 0 } }}
        extra={
          manager ? (
            <Form form={form} layout="inline" initialValues={{ year: bureauYear() }}>
              <Form.Item name="typeCode" rules={[{ required: true }]}>
                <Select
                  placeholder={t('platform.fields.type')}
                  style={{ width: 190 }}
                  options={(types.data ?? []).map((x) => ({ value: x.code, label: x.name }))}
                  data-testid="platform-eval-type"
                />
              </Form.Item>
              <Form.Item name="year" rules={[{ required: true }]}>
                <InputNumber min={2000} max={2100} style={{ width: 100 }} />
              </Form.Item>
              <Button
                type="primary"
                loading={run.isPending}
                data-testid="platform-eval-run"
                onClick={async () => {
                  const v = await form.validateFields();
                  try {
                    const r = await run.mutateAsync({ ...v, regionCode: user.regionCode });
                    setSelected(r.id);
                    message.success(t('platform.evaluations.ran'));
                  } catch (e) {
                    message.error(errorText(e));
                  }
                }}
              >
                {t('platform.evaluations.run')}
              </Button>
            </Form>
          ) : null
        }
      >
        <Table<TPlatformEvaluation>
          rowKey="id"
          pagination={false}
          dataSource={list.data ?? []}
          locale={{ emptyText: t('platform.evaluations.empty') }}
          onRow={(e) => ({
            onClick: () => setSelected(e.id),
            style: { cursor: 'pointer', background: e.id === selected ? '#e6f4ff' : undefined },
          })}
          columns={[
            { title: t('platform.fields.type'), dataIndex: 'typeName', width: 180 },
            { title: t('platform.fields.year'), dataIndex: 'year', width: 80 },
            ...grades.map((g) => ({ title: g, key: g, width: 70, render: (_: unknown, e: TPlatformEvaluation) => e.counts[g] ?? 0 })),
            {
              title: t('platform.fields.status'),
              key: 's',
              width: 200,
              render: (_, e) => (
                <span>
                  {e.status === 'confirmed' ? (
                    <Tag color="green">{t('platform.evaluations.confirmedTag')}</Tag>
                  ) : (
                    <Tag>{t('platform.evaluations.draft')}</Tag>
                  )}
                  {e.docNo}
                </span>
              ),
            },
          ]}
        />
      </Card>
      {detail.data ? (
        <Card
          title={`${detail.data.typeName} · ${detail.data.year} · ${t('platform.evaluations.results')}`}
          styles={{ body: { padding: 0 } }}
          data-testid="platform-eval-results"
          extra={
            manager && detail.data.status === 'draft' ? (
              <Button type="primary" onClick={() => setConfirming(true)} data-testid="platform-eval-confirm">
                {t('platform.evaluations.confirm')}
              </Button>
            ) : null
          }
        >
          <Table<TPlatformGradeResult>
            rowKey="platformId"
            size="small"
            dataSource={detail.data.results}
            pagination={{ pageSize: 20 }}
            columns={[
              { title: t('platform.fields.name'), dataIndex: 'name', width: 260 },
              { title: t('platform.fields.org'), dataIndex: 'orgName', width: 220 },
              { title: t('platform.fields.level'), key: 'l', width: 70, render: (_, r) => t(`platform.levels.${r.level}`) },
              {
                title: t('platform.fields.reported'),
                key: 'r',
                width: 80,
                render: (_, r) =>
                  r.reported ? (
                    t('platform.evaluations.reported')
                  ) : (
                    <Typography.Text type="danger">{t('platform.evaluations.notReported')}</Typography.Text>
                  ),
              },
              { title: t('platform.fields.score'), dataIndex: 'score', width: 80 },
              {
                title: t('platform.fields.grade'),
                key: 'g',
                width: 80,
                render: (_, r) => (
                  <span data-testid="platform-grade">
                    <GradeTag grade={r.grade} />
                  </span>
                ),
              },
              {
                title: t('platform.fields.consequence'),
                key: 'c',
                width: 80,
                render: (_, r) => (r.consequence === 'delist' ? <Tag color="red">{t('platform.evaluations.delist')}</Tag> : null),
              },
            ]}
          />
        </Card>
      ) : null}
      {confirming && detail.data ? <ConfirmModal id={detail.data.id} onClose={() => setConfirming(false)} /> : null}
    </Space>
  );
}

function ConfirmModal({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ docNo: string; on: Dayjs }>();
  const confirm = usePlatformMutation((v: object) => api.post(`/api/platform-evaluations/${id}/confirm`, v));
  return (
    <Modal
      open
      title={t('platform.evaluations.confirm')}
      onCancel={onClose}
      confirmLoading={confirm.isPending}
      okButtonProps={{ 'data-testid': 'platform-dialog-ok' } as ButtonProps}
      onOk={async () => {
        const v = await form.validateFields();
        try {
          await confirm.mutateAsync({ docNo: v.docNo, on: v.on.format('YYYY-MM-DD') });
          message.success(t('platform.evaluations.confirmed'));
          onClose();
        } catch (e) {
          message.error(errorText(e));
        }
      }}
    >
      <Typography.Paragraph type="secondary">{t('platform.evaluations.confirmHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ on: dayjs() }}>
        <Form.Item name="docNo" label={t('platform.fields.decisionDocNo')} rules={[{ required: true, min: 2 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="on" label={t('platform.fields.on')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
