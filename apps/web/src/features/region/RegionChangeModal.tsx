import type { TRegionChangeInput } from '@kechuang/contracts';
import { Alert, App, DatePicker, Divider, Flex, Form, Input, Modal, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { RegionMultiSelect } from '../../components/RegionMultiSelect.tsx';
import { RegionPicker } from '../../components/RegionPicker.tsx';
import { knownRegion } from '../../components/region-data.ts';
import { isApiError } from '../../lib/api.ts';
import { useErrorText } from '../../lib/error-text.ts';
import { applyFieldErrors } from '../../lib/form-errors.ts';
import { useRecordRegionChange } from './region-api.ts';

type ChangeKind = TRegionChangeInput['kind'];
const kinds: ChangeKind[] = ['rename', 'merge', 'recode', 'create', 'abolish'];

interface ChangeFormValues {
  kind: ChangeKind;
  effectiveDate: Dayjs;
  fromCodes?: string[];
  to?: { code?: string; name?: string; parentCode?: string | null };
  note?: string;
}

const regionCodePattern = /^[1-9]\d{5}$/;

/** Mount with a fresh `key` for each opening so the form starts empty. */
export function RegionChangeModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<ChangeFormValues>();
  const record = useRecordRegionChange();
  const kind = Form.useWatch('kind', form) ?? 'rename';
  const needsFrom = kind !== 'create';
  const needsTo = kind !== 'abolish';
  const singleFrom = kind === 'rename' || kind === 'recode' || kind === 'abolish';

  // Renaming keeps the code, recoding keeps the name; both keep the parent. Prefill what stays.
  const onFromChange = (codes: string[]) => {
    const from = codes.length === 1 && codes[0] ? knownRegion(codes[0]) : undefined;
    if (!from || !needsTo) return;
    const to = form.getFieldValue('to') as ChangeFormValues['to'];
    form.setFieldValue('to', {
      code: to?.code || (kind === 'rename' ? from.code : undefined),
      name: to?.name || (kind === 'recode' ? from.name : undefined),
      parentCode: to?.parentCode ?? from.parentCode,
    });
  };

  const onFinish = (values: ChangeFormValues) => {
    const input: TRegionChangeInput = {
      kind: values.kind,
      effectiveDate: values.effectiveDate.format('YYYY-MM-DD'),
      fromCodes: needsFrom ? (values.fromCodes ?? []) : [],
      note: values.note?.trim() ?? '',
      ...(needsTo && values.to?.code && values.to.name
        ? { to: { code: values.to.code, name: values.to.name.trim(), parentCode: values.to.parentCode ?? null } }
        : {}),
    };
    record.mutate(input, {
      onSuccess: () => {
        message.success(t('region.changes.recorded'));
        onClose();
      },
      onError: (e) => applyFieldErrors(form, e, errorText(e)),
    });
  };

  const showGeneral = record.error && !(isApiError(record.error) && record.error.errors.length > 0);

  return (
    <Modal
      open={open}
      title={t('region.changes.record')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.actions.save')}
      confirmLoading={record.isPending}
      width={620}
      destroyOnHidden
    >
      {showGeneral ? <Alert type="error" showIcon title={errorText(record.error)} style={{ marginBottom: 16 }} /> : null}
      <Form<ChangeFormValues> form={form} layout="vertical" onFinish={onFinish} initialValues={{ kind: 'rename' }}>
        <Form.Item name="kind" label={t('region.changes.kind')} extra={t(`region.kindHelp.${kind}`)} rules={[{ required: true }]}>
          <Radio.Group optionType="button" options={kinds.map((k) => ({ value: k, label: t(`region.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="effectiveDate" label={t('region.changes.effectiveDate')} rules={[{ required: true }]}>
          <DatePicker style={{ width: 200 }} />
        </Form.Item>
        {needsFrom ? (
          <Form.Item
            name="fromCodes"
            label={t('region.changes.fromCodes')}
            rules={[
              { required: true, type: 'array', min: 1, message: t('region.form.fromCodesRequired') },
              {
                validator: async (_rule, value: string[] | undefined) => {
                  if (singleFrom && (value?.length ?? 0) > 1) throw new Error(t('region.form.fromCodesOne'));
                },
              },
            ]}
          >
            <RegionMultiSelect placeholder={t('region.form.fromCodesPlaceholder')} onChange={onFromChange} />
          </Form.Item>
        ) : null}
        {needsTo ? (
          <>
            <Divider titlePlacement="start" plain>
              {t('region.form.toTitle')}
            </Divider>
            <Flex gap={16}>
              <Form.Item
                name={['to', 'code']}
                label={t('region.form.toCode')}
                rules={[{ required: true }, { pattern: regionCodePattern, message: t('region.form.toCodeInvalid') }]}
                style={{ width: 160 }}
              >
                <Input maxLength={6} inputMode="numeric" style={{ fontFamily: 'monospace' }} />
              </Form.Item>
              <Form.Item
                name={['to', 'name']}
                label={t('region.form.toName')}
                rules={[{ required: true, whitespace: true }, { max: 50 }]}
                style={{ flex: 1 }}
              >
                <Input maxLength={50} />
              </Form.Item>
            </Flex>
            <Form.Item name={['to', 'parentCode']} label={t('region.form.toParent')} extra={t('region.form.toParentHint')}>
              <RegionPicker maxLevel={2} style={{ width: '100%' }} />
            </Form.Item>
          </>
        ) : null}
        <Form.Item name="note" label={t('region.changes.note')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
