import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, DatePicker, Flex, Form, Input, InputNumber, Radio, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IncidentKind, StandardLevel } from './assess-model.ts';
import { TriState } from './TriState.tsx';

const incidentKinds: IncidentKind[] = ['safety', 'quality', 'environment', 'fraud', 'research_misconduct'];
const levels: StandardLevel[] = ['international', 'national', 'industry', 'local', 'group'];

/** Incidents and credit listings: absent means unknown, a tick means "none", a listed item counts. */
export function AssessRecords() {
  const { t } = useTranslation();
  return (
    <Card title={t('enterprise.assess.sections.records')} size="small" style={{ marginBottom: 16 }}>
      <Form.Item name="noIncidents" valuePropName="checked" style={{ marginBottom: 4 }}>
        <Checkbox>{t('enterprise.assess.records.noIncidents')}</Checkbox>
      </Form.Item>
      <Form.Item name="creditClean" valuePropName="checked" style={{ marginBottom: 8 }}>
        <Checkbox>{t('enterprise.assess.records.creditClean')}</Checkbox>
      </Form.Item>
      <Form.List name="incidents">
        {(items, { add, remove }) => (
          <Flex vertical gap={8}>
            {items.map((item, index) => (
              <Flex key={item.key} gap={8} align="center">
                <Form.Item name={[item.name, 'date']} rules={[{ required: true }]} style={{ margin: 0 }}>
                  <DatePicker placeholder={t('enterprise.assess.records.date')} />
                </Form.Item>
                <Form.Item name={[item.name, 'kind']} rules={[{ required: true }]} style={{ margin: 0 }}>
                  <Select<IncidentKind>
                    placeholder={t('enterprise.assess.records.kind')}
                    style={{ width: 180 }}
                    options={incidentKinds.map((k) => ({ value: k, label: t(`enterprise.assess.records.kinds.${k}`) }))}
                  />
                </Form.Item>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('enterprise.assess.ip.remove')}
                  onClick={() => remove(index)}
                />
              </Flex>
            ))}
            <div>
              <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({})}>
                {t('enterprise.assess.records.add')}
              </Button>
            </div>
          </Flex>
        )}
      </Form.List>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        {t('enterprise.assess.records.hint')}
      </Typography.Paragraph>
    </Card>
  );
}

/** 科技型中小企业 第八条: a valid HNTE certificate, a national award, a provincial R&D institution, a led standard. */
export function AssessDirect() {
  const { t } = useTranslation();
  const certificate = Form.useWatch<'unknown' | 'none' | 'has' | undefined>('hnteCertificate');
  return (
    <Card title={t('enterprise.assess.sections.direct')} size="small" style={{ marginBottom: 16 }}>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="hnteCertificate" label={t('enterprise.assess.fields.hnteCertificate')}>
            <Radio.Group
              optionType="button"
              size="small"
              options={(['unknown', 'none', 'has'] as const).map((v) => ({ value: v, label: t(`enterprise.assess.certificate.${v}`) }))}
            />
          </Form.Item>
        </Col>
        {certificate === 'has' ? (
          <>
            <Col xs={12} md={8}>
              <Form.Item name="hnteIssueDate" label={t('enterprise.assess.fields.hnteIssueDate')} rules={[{ required: true }]}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="hnteNumber" label={t('enterprise.assess.fields.hnteNumber')}>
                <Input maxLength={40} />
              </Form.Item>
            </Col>
          </>
        ) : null}
        <Col xs={24}>
          <Form.Item name="provincialRdInstitution" label={t('enterprise.assess.fields.provincialRdInstitution')}>
            <TriState />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <DatedList name="nationalAwards" label={t('enterprise.assess.fields.nationalAwards')} second="rank" />
        </Col>
        <Col xs={24} md={12}>
          <DatedList name="standardsLed" label={t('enterprise.assess.fields.standardsLed')} second="level" />
        </Col>
      </Row>
    </Card>
  );
}

function DatedList({ name, label, second }: { name: string; label: string; second: 'rank' | 'level' }) {
  const { t } = useTranslation();
  return (
    <Form.Item label={label}>
      <Form.List name={name}>
        {(items, { add, remove }) => (
          <Flex vertical gap={8}>
            {items.map((item, index) => (
              <Flex key={item.key} gap={8} align="center">
                <Form.Item name={[item.name, 'date']} rules={[{ required: true }]} style={{ margin: 0 }}>
                  <DatePicker
                    placeholder={t(second === 'rank' ? 'enterprise.assess.fields.awardDate' : 'enterprise.assess.fields.standardDate')}
                  />
                </Form.Item>
                <Form.Item name={[item.name, second]} rules={[{ required: true }]} style={{ margin: 0 }}>
                  {second === 'rank' ? (
                    <InputNumber<number>
                      min={1}
                      max={100}
                      precision={0}
                      placeholder={t('enterprise.assess.fields.awardRank')}
                      style={{ width: 140 }}
                    />
                  ) : (
                    <Select<StandardLevel>
                      placeholder={t('enterprise.assess.fields.standardLevel')}
                      style={{ width: 140 }}
                      options={levels.map((l) => ({ value: l, label: t(`enterprise.assess.standardLevels.${l}`) }))}
                    />
                  )}
                </Form.Item>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('enterprise.assess.ip.remove')}
                  onClick={() => remove(index)}
                />
              </Flex>
            ))}
            <div>
              <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({})}>
                {t('enterprise.assess.addItem')}
              </Button>
            </div>
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}
