import { DeleteOutlined } from '@ant-design/icons';
import type { TIndicator } from '@kechuang/contracts';
import { Button, Col, Form, type FormInstance, InputNumber, Row, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { IndicatorSelect } from './IndicatorSelect.tsx';
import type { LeafForm, SchemeForm } from './scheme-model.ts';

const methods = ['minmax', 'zscore', 'standard', 'target'] as const;
const transforms = ['none', 'sqrt', 'log'] as const;

export function SchemeLeafHeader() {
  const { t } = useTranslation();
  return (
    <Row gutter={8} style={{ fontSize: 12, color: '#888' }}>
      <Col span={7}>{t('indicator.scheme.indicator')}</Col>
      <Col span={2}>{t('indicator.scheme.weight')}</Col>
      <Col span={3}>{t('indicator.catalog.cols.polarity')}</Col>
      <Col span={4}>{t('indicator.scheme.normalisation')}</Col>
      <Col span={6}>{t('indicator.scheme.methodOptions')}</Col>
    </Row>
  );
}

/**
 * One indicator of a group: code, weight, polarity, normalisation and its options — the standard value, or for the
 * methods computed over the regions a value transform before normalisation (EIS/RIS: square root, logarithm) and,
 * for z-scores, the population or sample standard deviation.
 */
export function SchemeLeafRow(props: {
  form: FormInstance<SchemeForm>;
  group: number;
  leaf: number;
  value: LeafForm | undefined;
  catalog: TIndicator[];
  byCode: Map<string, TIndicator>;
  onRemove: () => void;
}) {
  const { form, group, leaf, value, catalog, byCode, onRemove } = props;
  const { t } = useTranslation();
  const method = value?.method;
  const transformSelect = (
    <Form.Item name={[leaf, 'transform']} style={{ marginBottom: 0, flex: 1 }}>
      <Select
        aria-label={t('indicator.scheme.transform')}
        placeholder={t('indicator.scheme.transforms.none')}
        options={transforms.map((x) => ({ value: x, label: t(`indicator.scheme.transforms.${x}`) }))}
      />
    </Form.Item>
  );
  return (
    <Row gutter={8} align="top">
      <Col span={7}>
        <Form.Item name={[leaf, 'code']} rules={[{ required: true, message: t('indicator.pickIndicator') }]} style={{ marginBottom: 0 }}>
          <IndicatorSelect
            catalog={catalog}
            style={{ width: '100%' }}
            onChange={(code) => {
              const p = code ? byCode.get(code)?.polarity : undefined;
              if (p) form.setFieldValue(['groups', group, 'children', leaf, 'polarity'], p);
            }}
          />
        </Form.Item>
      </Col>
      <Col span={2}>
        <Form.Item name={[leaf, 'weight']} rules={[{ required: true }]} style={{ marginBottom: 0 }}>
          <InputNumber min={0.01} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col span={3}>
        <Form.Item name={[leaf, 'polarity']} style={{ marginBottom: 0 }}>
          <Select
            options={[
              { value: 'positive', label: t('indicator.polarity.positive') },
              { value: 'negative', label: t('indicator.polarity.negative') },
            ]}
          />
        </Form.Item>
      </Col>
      <Col span={4}>
        <Form.Item name={[leaf, 'method']} style={{ marginBottom: 0 }}>
          <Select options={methods.map((m) => ({ value: m, label: t(`indicator.scheme.methods.${m}`) }))} />
        </Form.Item>
      </Col>
      <Col span={6}>
        {method === 'standard' ? (
          <Form.Item
            name={[leaf, 'standard']}
            rules={[{ required: true, message: t('indicator.scheme.standard') }]}
            style={{ marginBottom: 0 }}
          >
            <InputNumber min={0.000001} placeholder={t('indicator.scheme.standard')} style={{ width: '100%' }} />
          </Form.Item>
        ) : method === 'zscore' ? (
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name={[leaf, 'sd']} style={{ marginBottom: 0, flex: 1 }}>
              <Select
                aria-label={t('indicator.scheme.sd')}
                placeholder={t('indicator.scheme.sds.population')}
                options={(['population', 'sample'] as const).map((x) => ({ value: x, label: t(`indicator.scheme.sds.${x}`) }))}
              />
            </Form.Item>
            {transformSelect}
          </Space.Compact>
        ) : method === 'minmax' ? (
          transformSelect
        ) : null}
      </Col>
      <Col span={2}>
        <Button type="text" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('indicator.scheme.removeIndicator')} />
      </Col>
    </Row>
  );
}
