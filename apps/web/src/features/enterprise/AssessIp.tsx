import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ipKinds, type TIpKind } from '@kechuang/contracts';
import { Button, Card, Checkbox, Col, DatePicker, Form, Input, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IpAcquisition, IpValues } from './assess-model.ts';
import { TriState } from './TriState.tsx';

const acquisitions: IpAcquisition[] = ['own', 'transfer', 'gift', 'merger'];
const newItem: IpValues = {
  kind: 'invention_patent',
  acquisition: 'own',
  domestic: true,
  owned: true,
  core: 'unknown',
  usedInPriorHnte: false,
};

/** The enterprise's intellectual property, one row per item (Ⅰ类/Ⅱ类 by kind; 商标 never counts). */
export function AssessIp() {
  const { t } = useTranslation();
  return (
    <Card title={t('enterprise.assess.sections.ip')} size="small" style={{ marginBottom: 16 }}>
      <Form.List name="ipItems">
        {(items, { add, remove }) => (
          <>
            {items.length === 0 ? <Typography.Paragraph type="secondary">{t('enterprise.assess.ip.empty')}</Typography.Paragraph> : null}
            {items.map((item, index) => (
              <Row
                key={item.key}
                gutter={12}
                align="middle"
                data-testid="ip-item"
                style={{ borderBottom: '1px dashed #f0f0f0', marginBottom: 12 }}
              >
                <Col xs={24} md={6} xl={4}>
                  <Form.Item name={[item.name, 'kind']} label={t('enterprise.assess.ip.kind')} rules={[{ required: true }]}>
                    <Select<TIpKind> options={ipKinds.map((k) => ({ value: k, label: t(`enterprise.assess.ip.kinds.${k}`) }))} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={6} xl={5}>
                  <Form.Item name={[item.name, 'title']} label={t('enterprise.assess.ip.title')}>
                    <Input maxLength={200} placeholder={t('enterprise.assess.optional')} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6} xl={3}>
                  <Form.Item
                    name={[item.name, 'grantDate']}
                    label={t('enterprise.assess.ip.grantDate')}
                    tooltip={t('enterprise.assess.ip.grantDateHint')}
                  >
                    <DatePicker style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6} xl={3}>
                  <Form.Item name={[item.name, 'acquisition']} label={t('enterprise.assess.ip.acquisition')}>
                    <Select<IpAcquisition>
                      allowClear
                      options={acquisitions.map((a) => ({ value: a, label: t(`enterprise.assess.ip.acquisitions.${a}`) }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={10} xl={5}>
                  <Form.Item name={[item.name, 'core']} label={t('enterprise.assess.ip.core')}>
                    <TriState />
                  </Form.Item>
                </Col>
                <Col xs={24} md={14} xl={4}>
                  <Form.Item name={[item.name, 'domestic']} valuePropName="checked" style={{ marginBottom: 0 }}>
                    <Checkbox>{t('enterprise.assess.ip.domestic')}</Checkbox>
                  </Form.Item>
                  <Form.Item name={[item.name, 'owned']} valuePropName="checked" style={{ marginBottom: 0 }}>
                    <Checkbox>{t('enterprise.assess.ip.owned')}</Checkbox>
                  </Form.Item>
                  <Form.Item name={[item.name, 'usedInPriorHnte']} valuePropName="checked" style={{ marginBottom: 8 }}>
                    <Checkbox>{t('enterprise.assess.ip.usedInPriorHnte')}</Checkbox>
                  </Form.Item>
                  <Button
                    type="link"
                    danger
                    size="small"
                    icon={<DeleteOutlined />}
                    onClick={() => remove(index)}
                    style={{ paddingLeft: 0 }}
                  >
                    {t('enterprise.assess.ip.remove')}
                  </Button>
                </Col>
              </Row>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ ...newItem })}>
              {t('enterprise.assess.ip.add')}
            </Button>
          </>
        )}
      </Form.List>
    </Card>
  );
}
