import { PlusOutlined } from '@ant-design/icons';
import {
  type TEnterpriseDetail,
  type TTechSmeRegistration,
  type TTechSmeRevocationReason,
  ZTechSmeRevocationReason,
} from '@kechuang/contracts';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Modal,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/error-text.ts';
import { applyFieldErrors } from '../../lib/form-errors.ts';
import { useRegisterTechSme, useRevokeTechSme } from './registry-api.ts';

const reasons = ZTechSmeRevocationReason.options;
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : '');

/**
 * 科技型中小企业 入库登记编号 of an enterprise: valid for its year (国科火字〔2019〕87号). The bureau registers a
 * number and may revoke it for a reason of 国科发政〔2017〕115号 第十四条; a revoked enterprise may not take part
 * again in the same year.
 */
export function TechSmeRegistrationsCard({ detail, canWrite }: { detail: TEnterpriseDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const register = useRegisterTechSme(detail.id);
  const revoke = useRevokeTechSme(detail.id);
  const [adding, setAdding] = useState(false);
  const [revoking, setRevoking] = useState<TTechSmeRegistration | null>(null);
  const [addForm] = Form.useForm<{ year: number; number: string; registeredOn: Dayjs | null }>();
  const [revokeForm] = Form.useForm<{ revokedOn: Dayjs | null; reason: TTechSmeRevocationReason; note?: string }>();
  const columns: TableColumnsType<TTechSmeRegistration> = [
    { title: t('enterprise.registry.techSme.year'), dataIndex: 'year', width: 80 },
    { title: t('enterprise.registry.techSme.number'), dataIndex: 'number' },
    { title: t('enterprise.registry.techSme.registeredOn'), dataIndex: 'registeredOn' },
    {
      title: t('enterprise.registry.techSme.state'),
      key: 'state',
      render: (_, r) =>
        r.revokedOn ? (
          <span>
            <Tag color="red">{t('enterprise.registry.techSme.revoked', { date: r.revokedOn })}</Tag>
            {r.revocationReason ? t(`enterprise.registry.techSme.reasons.${r.revocationReason}`) : null}
          </span>
        ) : (
          <Tag color="green">{t('enterprise.registry.techSme.validTo', { date: `${r.year}-12-31` })}</Tag>
        ),
    },
    ...(canWrite
      ? [
          {
            title: t('common.table.actions'),
            key: 'actions',
            width: 90,
            render: (_: unknown, r: TTechSmeRegistration) =>
              r.revokedOn ? null : (
                <Button type="link" size="small" danger onClick={() => setRevoking(r)}>
                  {t('enterprise.registry.techSme.revoke')}
                </Button>
              ),
          },
        ]
      : []),
  ];
  const failed =
    <T,>(form: FormInstance<T>) =>
    (e: unknown) => {
      if (!applyFieldErrors(form, e, errorText(e))) message.error(errorText(e));
    };
  return (
    <Card
      title={t('enterprise.registry.techSme.title')}
      style={{ marginBottom: 16 }}
      data-testid="tech-sme-registrations"
      extra={
        canWrite ? (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('enterprise.registry.techSme.add')}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">{t('enterprise.registry.techSme.hint')}</Typography.Paragraph>
      <Table<TTechSmeRegistration>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={detail.techSmeRegistrations}
        pagination={false}
        locale={{ emptyText: t('enterprise.registry.techSme.empty') }}
      />
      <Modal
        open={adding}
        title={t('enterprise.registry.techSme.add')}
        onCancel={() => setAdding(false)}
        onOk={() => addForm.submit()}
        okText={t('enterprise.registry.form.save')}
        confirmLoading={register.isPending}
        destroyOnHidden
      >
        <Form
          form={addForm}
          layout="vertical"
          preserve={false}
          initialValues={{ year: dayjs().year(), registeredOn: dayjs() }}
          onFinish={(v) =>
            register.mutate(
              { year: v.year, number: v.number.trim(), registeredOn: day(v.registeredOn) },
              { onSuccess: () => setAdding(false), onError: failed(addForm) },
            )
          }
        >
          <Form.Item name="year" label={t('enterprise.registry.techSme.year')} rules={[{ required: true }]}>
            <InputNumber min={2017} max={2100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="number" label={t('enterprise.registry.techSme.number')} rules={[{ required: true, min: 6, max: 40 }]}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="registeredOn" label={t('enterprise.registry.techSme.registeredOn')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={revoking !== null}
        title={t('enterprise.registry.techSme.revokeTitle', { number: revoking?.number ?? '' })}
        onCancel={() => setRevoking(null)}
        onOk={() => revokeForm.submit()}
        okText={t('enterprise.registry.techSme.revoke')}
        okButtonProps={{ danger: true }}
        confirmLoading={revoke.isPending}
        destroyOnHidden
      >
        <Typography.Paragraph type="warning">{t('enterprise.registry.techSme.revokeWarning')}</Typography.Paragraph>
        <Form
          form={revokeForm}
          layout="vertical"
          preserve={false}
          initialValues={{ revokedOn: dayjs() }}
          onFinish={(v) =>
            revoking &&
            revoke.mutate(
              { registrationId: revoking.id, revokedOn: day(v.revokedOn), reason: v.reason, note: v.note?.trim() || null },
              { onSuccess: () => setRevoking(null), onError: failed(revokeForm) },
            )
          }
        >
          <Form.Item name="revokedOn" label={t('enterprise.registry.techSme.revokedOn')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="reason" label={t('enterprise.registry.techSme.reason')} rules={[{ required: true }]}>
            <Select options={reasons.map((r) => ({ value: r, label: t(`enterprise.registry.techSme.reasons.${r}`) }))} />
          </Form.Item>
          <Form.Item name="note" label={t('enterprise.registry.status.note')}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
