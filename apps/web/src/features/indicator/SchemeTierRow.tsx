import { DeleteOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TierForm } from './scheme-model.ts';

const references = ['fixed', 'average', 'region'] as const;

/**
 * One tier: a fixed lowest score (河北 A ≥ 80), or a percentage of a computed reference — the average score of the
 * regions compared (第一梯队 = 高于全国平均水平: 100%, 高于) or a named region's score (EIS: 125% / 100% / 70%).
 */
export function SchemeTierRow(props: { name: number; value: TierForm | undefined; onRemove: () => void }) {
  const { name, value, onRemove } = props;
  const { t } = useTranslation();
  const reference = value?.reference ?? 'fixed';
  return (
    <Flex gap={8} align="center" wrap>
      <Form.Item name={[name, 'name']} rules={[{ required: true, message: t('indicator.scheme.tierName') }]} style={{ marginBottom: 0 }}>
        <Input placeholder={t('indicator.scheme.tierName')} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name={[name, 'reference']} style={{ marginBottom: 0 }}>
        <Select
          aria-label={t('indicator.scheme.tierReference')}
          placeholder={t('indicator.scheme.tierReferences.fixed')}
          style={{ width: 170 }}
          options={references.map((r) => ({ value: r, label: t(`indicator.scheme.tierReferences.${r}`) }))}
        />
      </Form.Item>
      {reference === 'region' ? (
        <Form.Item
          name={[name, 'regionCode']}
          rules={[{ required: true, message: t('indicator.scheme.tierRegion') }]}
          style={{ marginBottom: 0 }}
        >
          <Input placeholder={t('indicator.scheme.tierRegion')} style={{ width: 140 }} maxLength={40} />
        </Form.Item>
      ) : null}
      <span>{reference === 'fixed' ? t('indicator.scheme.minScore') : t('indicator.scheme.minPercent')}</span>
      <Form.Item name={[name, 'minScore']} rules={[{ required: true }]} style={{ marginBottom: 0 }}>
        <InputNumber style={{ width: 100 }} {...(reference === 'fixed' ? {} : { min: 0.01, suffix: '%' })} />
      </Form.Item>
      <Form.Item name={[name, 'exclusive']} valuePropName="checked" style={{ marginBottom: 0 }}>
        <Checkbox>{t('indicator.scheme.exclusive')}</Checkbox>
      </Form.Item>
      <Button type="text" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('indicator.scheme.removeTier')} />
    </Flex>
  );
}
