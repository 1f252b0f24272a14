import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  incidentKinds,
  incidentSeverities,
  ipClassOfKind,
  type TEnterpriseDetail,
  type TEnterpriseIncident,
  type TEnterpriseIp,
  type TIpKind,
} from '@kechuang/contracts';
import {
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Row,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/error-text.ts';
import { applyFieldErrors } from '../../lib/form-errors.ts';
import { IpModal } from './IpModal.tsx';
import { useAddIncident, useRemoveIncident, useRemoveIp, useSetDisclosure } from './registry-api.ts';

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

interface IncidentValues {
  date?: Dayjs | null;
  kind: TEnterpriseIncident['kind'];
  severity: TEnterpriseIncident['severity'];
  note?: string;
}

function IncidentModal({ enterpriseId, open, onClose }: { enterpriseId: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<IncidentValues>();
  const add = useAddIncident(enterpriseId);
  return (
    <Modal
      open={open}
      title={t('enterprise.registry.records.addIncident')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('enterprise.registry.form.save')}
      confirmLoading={add.isPending}
      width={560}
      destroyOnHidden
    >
      <Form<IncidentValues>
        form={form}
        layout="vertical"
        preserve={false}
        data-testid="incident-form"
        initialValues={{ kind: 'safety', severity: 'major' }}
        onFinish={(v) =>
          add.mutate(
            { date: day(v.date) ?? '', kind: v.kind, severity: v.severity, note: v.note?.trim() ? v.note.trim() : null },
            {
              onSuccess: () => {
                message.success(t('enterprise.registry.records.incidentSaved'));
                onClose();
              },
              onError: (e) => {
                if (!applyFieldErrors(form, e, errorText(e), { 'enterprise/duplicate_incident': 'date' })) message.error(errorText(e));
              },
            },
          )
        }
      >
        <Row gutter={16}>
          <Col xs={12}>
            <Form.Item
              name="date"
              label={t('enterprise.assess.records.date')}
              rules={[{ required: true, message: t('enterprise.registry.form.required') }]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="severity" label={t('enterprise.registry.records.severity')} rules={[{ required: true }]}>
              <Select options={incidentSeverities.map((s) => ({ value: s, label: t(`enterprise.registry.records.severities.${s}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="kind" label={t('enterprise.assess.records.kind')} rules={[{ required: true }]}>
              <Select options={incidentKinds.map((k) => ({ value: k, label: t(`enterprise.registry.records.kinds.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="note" label={t('enterprise.registry.status.note')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('enterprise.registry.records.severityHint')}
        </Typography.Paragraph>
      </Form>
    </Modal>
  );
}

/** 知识产权 and 事故记录 of a registered enterprise, with the "list is complete" declarations the assessment relies on. */
export function IpIncidentsCard({ detail, canWrite }: { detail: TEnterpriseDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [adding, setAdding] = useState<'ip' | 'incident' | null>(null);
  const removeIp = useRemoveIp(detail.id);
  const removeIncident = useRemoveIncident(detail.id);
  const disclose = useSetDisclosure(detail.id);
  const onError = (e: unknown) => message.error(errorText(e));
  const yesNo = (v: boolean | undefined) =>
    v === undefined ? t('enterprise.assess.tri.unknown') : t(`enterprise.assess.tri.${v ? 'yes' : 'no'}`);
  const ipColumns: TableColumnsType<TEnterpriseIp> = [
    { title: t('enterprise.registry.records.number'), dataIndex: 'number', width: 170 },
    {
      title: t('enterprise.assess.ip.kind'),
      dataIndex: 'kind',
      width: 190,
      render: (k: TIpKind) => {
        const cls = ipClassOfKind[k];
        return (
          <Flex gap={4} align="center">
            {cls ? <Tag color={cls === 'I' ? 'blue' : 'cyan'}>{t(`enterprise.registry.records.class${cls}`)}</Tag> : null}
            {t(`enterprise.assess.ip.kinds.${k}`)}
          </Flex>
        );
      },
    },
    { title: t('enterprise.assess.ip.title'), dataIndex: 'title', render: (v?: string) => v ?? t('common.none') },
    {
      title: t('enterprise.assess.ip.grantDate'),
      dataIndex: 'grantDate',
      width: 110,
      render: (v?: string) => v ?? t('enterprise.registry.records.pending'),
    },
    { title: t('enterprise.assess.ip.core'), dataIndex: 'coreToMainProduct', width: 110, render: yesNo },
    {
      title: t('enterprise.registry.records.priorUse'),
      key: 'prior',
      width: 150,
      render: (_, i) =>
        [
          i.usedInPriorHnte ? t('enterprise.assess.ip.usedInPriorHnte') : null,
          i.acquisition && i.acquisition !== 'own' ? t(`enterprise.assess.ip.acquisitions.${i.acquisition}`) : null,
        ]
          .filter(Boolean)
          .join('；') || t('common.none'),
    },
  ];
  const incidentColumns: TableColumnsType<TEnterpriseIncident> = [
    { title: t('enterprise.assess.records.date'), dataIndex: 'date', width: 110 },
    {
      title: t('enterprise.assess.records.kind'),
      dataIndex: 'kind',
      width: 140,
      render: (k: TEnterpriseIncident['kind']) => t(`enterprise.registry.records.kinds.${k}`),
    },
    {
      title: t('enterprise.registry.records.severity'),
      dataIndex: 'severity',
      width: 100,
      render: (s: TEnterpriseIncident['severity']) => (
        <Tag color={s === 'major' || s === 'especially_major' ? 'error' : 'default'}>
          {t(`enterprise.registry.records.severities.${s}`)}
        </Tag>
      ),
    },
    { title: t('enterprise.registry.status.note'), dataIndex: 'note', render: (v: string | null) => v ?? t('common.none') },
  ];
  const removeColumn = <T extends { id: number }>(remove: (id: number) => void, testId: string): TableColumnsType<T>[number] => ({
    title: t('common.table.actions'),
    key: 'remove',
    width: 80,
    render: (_, row) => (
      <Popconfirm title={t('enterprise.registry.records.removeConfirm')} onConfirm={() => remove(row.id)}>
        <Button type="link" danger size="small" icon={<DeleteOutlined />} data-testid={testId}>
          {t('enterprise.assess.ip.remove')}
        </Button>
      </Popconfirm>
    ),
  });
  const setDisclosure = (patch: Partial<TEnterpriseDetail['disclosure']>) =>
    disclose.mutate({ ...detail.disclosure, ...patch }, { onError });
  return (
    <>
      <Card
        title={t('enterprise.assess.sections.ip')}
        style={{ marginBottom: 16 }}
        data-testid="enterprise-ip"
        extra={
          canWrite ? (
            <Button icon={<PlusOutlined />} onClick={() => setAdding('ip')} data-testid="ip-add">
              {t('enterprise.assess.ip.add')}
            </Button>
          ) : null
        }
      >
        <Table<TEnterpriseIp>
          rowKey="id"
          size="small"
          columns={
            canWrite ? [...ipColumns, removeColumn<TEnterpriseIp>((id) => removeIp.mutate(id, { onError }), 'ip-remove')] : ipColumns
          }
          dataSource={detail.ipItems}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: t('enterprise.registry.records.noIp') }}
        />
        <Checkbox
          style={{ marginTop: 12 }}
          checked={detail.disclosure.ipComplete}
          disabled={!canWrite || disclose.isPending}
          onChange={(e) => setDisclosure({ ipComplete: e.target.checked })}
          data-testid="ip-complete"
        >
          {t('enterprise.registry.records.ipComplete')}
        </Checkbox>
      </Card>
      <Card
        title={t('enterprise.registry.records.incidentsTitle')}
        style={{ marginBottom: 16 }}
        data-testid="enterprise-incidents"
        extra={
          canWrite ? (
            <Button icon={<PlusOutlined />} onClick={() => setAdding('incident')} data-testid="incident-add">
              {t('enterprise.registry.records.addIncident')}
            </Button>
          ) : null
        }
      >
        <Table<TEnterpriseIncident>
          rowKey="id"
          size="small"
          columns={
            canWrite
              ? [...incidentColumns, removeColumn<TEnterpriseIncident>((id) => removeIncident.mutate(id, { onError }), 'incident-remove')]
              : incidentColumns
          }
          dataSource={detail.incidents}
          pagination={false}
          locale={{ emptyText: t('enterprise.registry.records.noIncidents') }}
        />
        <Checkbox
          style={{ marginTop: 12 }}
          checked={detail.disclosure.incidentsComplete}
          disabled={!canWrite || disclose.isPending}
          onChange={(e) => setDisclosure({ incidentsComplete: e.target.checked })}
          data-testid="incidents-complete"
        >
          {t('enterprise.registry.records.incidentsComplete')}
        </Checkbox>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('enterprise.registry.records.completeHint')}
        </Typography.Paragraph>
      </Card>
      <IpModal enterpriseId={detail.id} open={adding === 'ip'} onClose={() => setAdding(null)} />
      <IncidentModal enterpriseId={detail.id} open={adding === 'incident'} onClose={() => setAdding(null)} />
    </>
  );
}
