import { serviceTargetKinds } from '@kechuang/contracts';
import { Form, type FormInstance, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { RegionPicker } from '../../components/RegionPicker.tsx';

export interface TargetValues {
  kind: string;
  name: string;
  regionCode: string;
  villageCode?: string | null;
}

/**
 * A 服务对象's fields: kind, name, county, and for a village its 12-digit 统计用区划代码. The form mounts afresh each
 * time its dialog opens, so `initial` fills it.
 */
export function TargetForm(props: {
  form: FormInstance<TargetValues>;
  initial: Partial<TargetValues>;
  onFinish: (v: TargetValues) => void;
}) {
  const { t } = useTranslation();
  return (
    <Form form={props.form} layout="vertical" initialValues={props.initial} onFinish={props.onFinish}>
      <Form.Item name="kind" label={t('talent.fields.kindOfTarget')} rules={[{ required: true }]}>
        <Select options={serviceTargetKinds.map((k) => ({ value: k, label: t(`talent.targetKinds.${k}`) }))} />
      </Form.Item>
      <Form.Item name="name" label={t('talent.fields.target')} rules={[{ required: true, min: 2, max: 100 }]}>
        <Input data-testid="target-name" />
      </Form.Item>
      <Form.Item name="regionCode" label={t('talent.fields.region')} rules={[{ required: true }]}>
        <RegionPicker />
      </Form.Item>
      <Form.Item
        name="villageCode"
        label={t('talent.fields.villageCode')}
        extra={t('talent.hints.villageCodeHint')}
        rules={[{ pattern: /^\d{12}$/, message: t('talent.hints.villageCodeHint') }]}
      >
        <Input inputMode="numeric" maxLength={12} />
      </Form.Item>
    </Form>
  );
}
