import type { TEnterpriseCreate, TEnterpriseDetail } from '@kechuang/contracts';
import { App, Col, DatePicker, Form, Input, Modal, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { RegionPicker } from '../../components/RegionPicker.tsx';
import { useErrorText } from '../../lib/error-text.ts';
import { applyFieldErrors } from '../../lib/form-errors.ts';
import { useCreateEnterprise, useUpdateEnterprise } from './registry-api.ts';

interface Values {
  uscc: string;
  name: string;
  regionCode?: string;
  industryCode?: string;
  registeredOn?: Dayjs | null;
  contact?: string;
  phone?: string;
}

const codeFields = { 'enterprise/duplicate_uscc': 'uscc' };

function toInput(v: Values, orgId: number | null): TEnterpriseCreate {
  const text = (s: string | undefined) => (s?.trim() ? s.trim() : null);
  return {
    uscc: v.uscc.trim().toUpperCase(),
    name: v.name.trim(),
    regionCode: v.regionCode ?? '',
    industryCode: text(v.industryCode),
    registeredOn: v.registeredOn ? v.registeredOn.format('YYYY-MM-DD') : null,
    contact: text(v.contact),
    phone: text(v.phone),
    orgId,
  };
}

/** 登记企业 / 修改企业信息 (bureau). `editing` null = a new enterprise. */
export function EnterpriseFormModal(props: {
  open: boolean;
  editing: TEnterpriseDetail | null;
  onClose: () => void;
  onSaved?: (detail: TEnterpriseDetail) => void;
}) {
  const { open, editing, onClose, onSaved } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const create = useCreateEnterprise();
  const update = useUpdateEnterprise(editing?.id ?? 0);
  const pending = create.isPending || update.isPending;
  const initial: Partial<Values> = editing
    ? {
        uscc: editing.uscc,
        name: editing.name,
        regionCode: editing.regionCode,
        industryCode: editing.industryCode ?? '',
        registeredOn: editing.registeredOn ? dayjs(editing.registeredOn) : null,
        contact: editing.contact ?? '',
        phone: editing.phone ?? '',
      }
    : {};
  const done = (detail: TEnterpriseDetail) => {
    message.success(t(editing ? 'enterprise.registry.form.updated' : 'enterprise.registry.form.created', { name: detail.name }));
    onSaved?.(detail);
    onClose();
  };
  const failed = (e: unknown) => {
    if (!applyFieldErrors(form, e, errorText(e), codeFields)) message.error(errorText(e));
  };
  return (
    <Modal
      open={open}
      title={editing ? t('enterprise.registry.form.editTitle', { name: editing.name }) : t('enterprise.registry.form.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('enterprise.registry.form.save')}
      confirmLoading={pending}
      width={720}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initial}
        preserve={false}
        data-testid="enterprise-form"
        onFinish={(v) => {
          const input = toInput(v, editing?.orgId ?? null);
          if (editing) update.mutate({ ...input, version: editing.version }, { onSuccess: done, onError: failed });
          else create.mutate(input, { onSuccess: done, onError: failed });
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="uscc"
              label={t('enterprise.registry.cols.uscc')}
              rules={[
                { required: true, message: t('enterprise.registry.form.required') },
                { pattern: /^[0-9A-HJ-NPQRTUWXY]{18}$/i, message: t('enterprise.registry.form.usccFormat') },
              ]}
            >
              <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="name"
              label={t('enterprise.registry.form.name')}
              rules={[{ required: true, min: 2, message: t('enterprise.registry.form.nameRule') }]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="regionCode"
              label={t('enterprise.assess.fields.regionCode')}
              rules={[{ required: true, message: t('enterprise.registry.form.required') }]}
            >
              <RegionPicker maxLevel={3} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="industryCode"
              label={t('enterprise.registry.cols.industry')}
              tooltip={t('enterprise.assess.fields.industryCodeHint')}
              rules={[{ pattern: /^[A-Ta-t](\d{2,4})?$/, message: t('enterprise.assess.fields.industryCodeHint') }]}
            >
              <Input maxLength={5} placeholder="C39" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="registeredOn" label={t('enterprise.registry.cols.registeredOn')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="contact" label={t('enterprise.registry.form.contact')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="phone" label={t('enterprise.registry.form.phone')}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
