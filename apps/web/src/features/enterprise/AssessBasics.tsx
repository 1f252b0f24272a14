import { hitechDomains } from '@kechuang/contracts';
import { Card, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { RegionPicker } from '../../components/RegionPicker.tsx';
import { type Band, type Domain, managementCaps, managementItems } from './assess-model.ts';
import { TriState } from './TriState.tsx';

const domains: Domain[] = [...hitechDomains, 'outside'];
const bands: Band[] = ['A', 'B', 'C', 'D', 'E'];
const flags = ['residentEnterprise', 'auditBasedTax', 'industryRestricted', 'industryExcludedFromSuperDeduction'] as const;

/** Who the enterprise is: registration, region, industry, 高新技术领域 and the basic yes/no conditions. */
export function AssessBasics() {
  const { t } = useTranslation();
  const f = (key: string) => t(`enterprise.assess.fields.${key}` as 'enterprise.assess.fields.name');
  return (
    <Card title={t('enterprise.assess.sections.basics')} size="small" style={{ marginBottom: 16 }}>
      <Row gutter={16}>
        <Col xs={24} md={12} xl={8}>
          <Form.Item name="name" label={f('name')}>
            <Input maxLength={100} placeholder={t('enterprise.assess.optional')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Form.Item name="regionCode" label={f('regionCode')}>
            <RegionPicker />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Form.Item
            name="industryCode"
            label={f('industryCode')}
            tooltip={f('industryCodeHint')}
            rules={[{ pattern: /^[A-Ta-t](\d{2,4})?$/, message: f('industryCodeHint') }]}
          >
            <Input maxLength={5} placeholder="C39" style={{ textTransform: 'uppercase' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Form.Item name="registrationDate" label={f('registrationDate')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={24} xl={16}>
          <Form.Item name="mainProductDomain" label={f('mainProductDomain')}>
            <Select<Domain> allowClear options={domains.map((d) => ({ value: d, label: t(`enterprise.assess.domains.${d}`) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        {flags.map((flag) => (
          <Col xs={24} md={12} key={flag}>
            <Form.Item name={flag} label={f(flag)} style={{ marginBottom: 12 }}>
              <TriState />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </Card>
  );
}

/** The expert-judged items of the innovation score, self-assessed so that the score range narrows. */
export function AssessSelfScore() {
  const { t } = useTranslation();
  const f = (key: string) => t(`enterprise.assess.fields.${key}` as 'enterprise.assess.fields.name');
  const bandOptions = bands.map((b) => ({ value: b, label: b }));
  return (
    <Card title={t('enterprise.assess.sections.selfScore')} size="small" style={{ marginBottom: 16 }}>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="techAdvancement" label={f('techAdvancement')}>
            <Select<Band> allowClear options={bandOptions} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="coreSupport" label={f('coreSupport')}>
            <Select<Band> allowClear options={bandOptions} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="rdOption" label={f('rdOption')}>
            <Select<'sales' | 'cost'>
              allowClear
              placeholder={t('enterprise.assess.rdOption.auto')}
              options={(['sales', 'cost'] as const).map((o) => ({ value: o, label: t(`enterprise.assess.rdOption.${o}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="standardsParticipated" label={f('standardsParticipated')}>
            <TriState />
          </Form.Item>
        </Col>
        {managementItems.map((item) => (
          <Col xs={24} md={12} key={item}>
            <Form.Item name={['rdManagement', item]} label={t(`enterprise.assess.management.${item}`)}>
              <InputNumber<number> min={0} max={managementCaps[item]} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
