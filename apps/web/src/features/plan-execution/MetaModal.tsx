import type { TPlanExec } from '@kechuang/contracts';
import { App, Checkbox, DatePicker, Flex, Form, Input, InputNumber, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/error-text.ts';
import { usePatchPlanMeta } from './exec-api.ts';

interface MetaValues {
  title: string;
  docNumber: string;
  issuer: string;
  issuedOn: Dayjs | null;
  year: number;
  periodTo: number | null;
  archived: boolean;
  reason: string;
}

/** 修改计划信息: title, 文号, year… (mid-year adjustments keep the earlier version in the history). */
export function MetaModal({ plan, open, onClose }: { plan: TPlanExec; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<MetaValues>();
  const patch = usePatchPlanMeta(plan.id);
  const save = (v: MetaValues) =>
    patch
      .mutateAsync({
        version: plan.version,
        reason: v.reason.trim(),
        title: v.title.trim(),
        docNumber: v.docNumber.trim() || null,
        issuer: v.issuer.trim() || null,
        issuedOn: v.issuedOn ? v.issuedOn.format('YYYY-MM-DD') : null,
        year: v.year,
        periodTo: v.periodTo ?? null,
        // sent only when the planner changed it: otherwise a change of year moves the plan in or out of the archive
        ...(form.isFieldTouched('archived') ? { archived: v.archived } : {}),
      })
      .then(() => {
        message.success(t('planExec.edit.saved'));
        onClose();
      })
      .catch((e: unknown) => message.error(errorText(e)));
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('planExec.meta.edit')}
      destroyOnHidden
      okText={t('common.actions.save')}
      onOk={() => form.submit()}
      confirmLoading={patch.isPending}
      okButtonProps={{ 'data-testid': 'plan-meta-save' }}
    >
      <Form<MetaValues>
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{
          title: plan.title,
          docNumber: plan.docNumber ?? '',
          issuer: plan.issuer ?? '',
          issuedOn: plan.issuedOn ? dayjs(plan.issuedOn) : null,
          year: plan.year,
          periodTo: plan.periodTo,
          archived: plan.archived,
          reason: '',
        }}
      >
        <Form.Item name="title" label={t('plan.fields.title')} rules={[{ required: true, min: 2, max: 200 }]}>
          <Input />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="docNumber" label={t('plan.fields.docNumber')} style={{ flex: 1 }}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="issuer" label={t('plan.fields.issuer')} style={{ flex: 1 }}>
            <Input maxLength={100} />
          </Form.Item>
        </Flex>
        <Flex gap={12}>
          <Form.Item name="issuedOn" label={t('plan.fields.issuedOn')} style={{ flex: 1 }}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="year" label={t('plan.fields.year')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <InputNumber min={1990} max={2100} precision={0} style={{ width: '100%' }} data-testid="plan-meta-year" />
          </Form.Item>
          <Form.Item name="periodTo" label={t('plan.fields.periodTo')} style={{ flex: 1 }}>
            <InputNumber min={1990} max={2100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item name="archived" valuePropName="checked" extra={t('plan.archivedHint')}>
          <Checkbox data-testid="plan-meta-archived">{t('planExec.meta.archived')}</Checkbox>
        </Form.Item>
        <Form.Item name="reason" label={t('planExec.fields.reason')} extra={t('planExec.edit.reasonHint')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
