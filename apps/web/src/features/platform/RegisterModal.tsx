import type { TPlatformDetail } from '@kechuang/contracts';
import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { OrgSelect } from '../../components/OrgSelect.tsx';
import { api } from '../../lib/api.ts';
import { useErrorText } from '../../lib/error-text.ts';
import { levelOrder } from './labels.tsx';
import { usePlatformMutation, usePlatformTypes } from './platform-api.ts';

/** Registers a platform recognised elsewhere (国家级、省级) or earlier, with its document number. */
export function RegisterModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const types = usePlatformTypes();
  const [form] = Form.useForm<{ name: string; typeCode: string; level: string; orgId: number; docNo: string; approvedOn: Dayjs }>();
  const save = usePlatformMutation((v: object) => api.post<TPlatformDetail>('/api/platforms', v));
  return (
    <Modal
      open
      title={t('platform.register.title')}
      onCancel={onClose}
      confirmLoading={save.isPending}
      onOk={async () => {
        const v = await form.validateFields();
        try {
          await save.mutateAsync({ ...v, approvedOn: v.approvedOn.format('YYYY-MM-DD'), fields: {} });
          message.success(t('platform.register.done'));
          onClose();
        } catch (e) {
          message.error(errorText(e));
        }
      }}
    >
      <Alert type="info" showIcon message={t('platform.register.hint')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical">
        <Form.Item name="name" label={t('platform.fields.name')} rules={[{ required: true, min: 2 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="typeCode" label={t('platform.fields.type')} rules={[{ required: true }]}>
          <Select options={(types.data ?? []).map((x) => ({ value: x.code, label: x.name }))} />
        </Form.Item>
        <Form.Item name="level" label={t('platform.fields.level')} rules={[{ required: true }]}>
          <Select options={levelOrder.map((l) => ({ value: l, label: t(`platform.levels.${l}`) }))} />
        </Form.Item>
        <Form.Item name="orgId" label={t('platform.fields.org')} rules={[{ required: true }]}>
          <OrgSelect />
        </Form.Item>
        <Form.Item name="docNo" label={t('platform.fields.docNo')} rules={[{ required: true, min: 2 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="approvedOn" label={t('platform.fields.approvedOn')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
