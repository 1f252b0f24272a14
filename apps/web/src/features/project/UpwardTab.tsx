import { PlusOutlined } from '@ant-design/icons';
import type { TUpward } from '@kechuang/contracts';
import { App, Button, Card, DatePicker, Flex, Form, Input, InputNumber, Modal, Popover, Select, Statistic, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportButton } from '../../components/ExportButton.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RegionPicker } from '../../components/RegionPicker.tsx';
import { bureauDay, bureauYear } from '../../lib/bureau-date.ts';
import { useErrorText } from '../../lib/error-text.ts';
import { fenToWan, isWanText, wanToFen } from '../enterprise/money.ts';
import { upwardApi, useUpward } from './lifecycle-api.ts';
import { useProjectMutation } from './project-api.ts';
import type { ProjectRoles } from './roles.ts';
import { wanText } from './wan.ts';

/** 争资: projects recommended upward to provincial and national programmes, and the amounts won — "立项争资3500万元" measured. */
export function UpwardTab({ roles }: { roles: ProjectRoles }) {
  const { t } = useTranslation();
  const [year, setYear] = useState(bureauYear());
  const [region, setRegion] = useState<string | undefined>();
  const list = useUpward({ year, region });
  const [adding, setAdding] = useState(false);
  const rows = list.data ?? [];
  const wonFen = rows.reduce((s, u) => s + (u.wonFen ?? 0), 0);
  return (
    <Card
      title={t('project.page.tabs.upward')}
      data-testid="project-upward"
      extra={
        <Flex gap={8}>
          <ExportButton
            path="/api/project-upward/export"
            fallbackName="争资清单.xlsx"
            query={{ year, region }}
            label={t('project.page.bank.export')}
            testId="upward-export"
          />
          {roles.manager ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('project.page.upward.add')}
            </Button>
          ) : null}
        </Flex>
      }
    >
      <Flex gap={24} align="center" wrap style={{ marginBottom: 16 }}>
        <InputNumber value={year} onChange={(v) => v && setYear(v)} min={2000} max={2100} />
        <RegionPicker value={region ?? null} onChange={setRegion} placeholder={t('project.page.bank.region')} style={{ width: 220 }} />
        <Statistic title={t('project.page.upward.recommended')} value={rows.length} />
        <Statistic title={t('project.page.upward.won')} value={rows.filter((u) => u.status === 'won').length} />
        <Statistic title={t('project.page.upward.wonAmount')} value={fenToWan(wonFen)} suffix={t('project.page.wanUnit')} />
      </Flex>
      {list.isError ? <QueryError error={list.error} onRetry={() => list.refetch()} /> : null}
      <Table<TUpward>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={rows}
        pagination={false}
        columns={[
          { title: t('project.fields.title'), dataIndex: 'title' },
          { title: t('project.page.app.unit'), dataIndex: 'orgName', width: 200 },
          {
            title: t('project.page.upward.level'),
            dataIndex: 'level',
            width: 90,
            render: (v: TUpward['level']) => t(`project.page.upward.levels.${v}`),
          },
          { title: t('project.page.upward.programme'), dataIndex: 'programmeName', width: 180 },
          {
            title: t('project.page.app.status'),
            key: 's',
            width: 160,
            render: (_, u) => (
              <Tag color={u.status === 'won' ? 'green' : u.status === 'lost' ? 'default' : 'blue'}>
                {t(`project.page.upward.statuses.${u.status}`)}
                {u.wonFen !== null ? ` ${wanText(u.wonFen)}` : ''}
              </Tag>
            ),
          },
          {
            title: t('common.table.actions'),
            key: 'x',
            width: 120,
            render: (_, u) => (roles.manager && u.status === 'recommended' ? <ResultButton u={u} /> : null),
          },
        ]}
      />
      <UpwardModal open={adding} onClose={() => setAdding(false)} />
    </Card>
  );
}

function ResultButton({ u }: { u: TUpward }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [won, setWon] = useState('');
  const save = useProjectMutation((v: { status: 'won' | 'lost'; wonFen?: number }) => upwardApi.result(u, v.status, v.wonFen));
  const go = (status: 'won' | 'lost') =>
    save.mutate(status === 'won' ? { status, wonFen: wanToFen(won) ?? 0 } : { status }, { onError: (e) => message.error(errorText(e)) });
  return (
    <Popover
      trigger="click"
      content={
        <Flex gap={8}>
          <Input value={won} onChange={(e) => setWon(e.target.value)} suffix={t('project.page.wanUnit')} style={{ width: 150 }} />
          <Button type="primary" disabled={!isWanText(won)} loading={save.isPending} onClick={() => go('won')}>
            {t('project.page.upward.statuses.won')}
          </Button>
          <Button loading={save.isPending} onClick={() => go('lost')}>
            {t('project.page.upward.statuses.lost')}
          </Button>
        </Flex>
      }
    >
      <Button size="small">{t('project.page.upward.result')}</Button>
    </Popover>
  );
}

interface UpwardForm {
  title: string;
  orgName: string;
  regionCode: string;
  level: 'province' | 'national';
  programmeName: string;
  year: number;
  recommendedOn: Dayjs;
}

function UpwardModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<UpwardForm>();
  const save = useProjectMutation((v: UpwardForm) => upwardApi.create({ ...v, recommendedOn: v.recommendedOn.format('YYYY-MM-DD') }));
  return (
    <Modal
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      title={t('project.page.upward.add')}
      destroyOnHidden
    >
      <Form<UpwardForm>
        form={form}
        layout="vertical"
        initialValues={{ level: 'province', year: bureauYear(), recommendedOn: bureauDay() }}
        onFinish={(v) => save.mutate(v, { onSuccess: onClose, onError: (e) => message.error(errorText(e)) })}
      >
        <Form.Item name="title" label={t('project.fields.title')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="orgName" label={t('project.page.app.unit')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="regionCode" label={t('project.page.bank.region')} rules={[{ required: true }]}>
          <RegionPicker />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="level" label={t('project.page.upward.level')} style={{ flex: 1 }}>
            <Select options={(['province', 'national'] as const).map((l) => ({ value: l, label: t(`project.page.upward.levels.${l}`) }))} />
          </Form.Item>
          <Form.Item name="programmeName" label={t('project.page.upward.programme')} rules={[{ required: true }]} style={{ flex: 2 }}>
            <Input />
          </Form.Item>
        </Flex>
        <Flex gap={12}>
          <Form.Item name="year" label={t('project.page.call.year')} style={{ flex: 1 }}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="recommendedOn" label={t('project.page.upward.recommendedOn')} style={{ flex: 1 }}>
            <DatePicker />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}
