import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { TDemand } from '@kechuang/contracts';
import { Button, Card, Descriptions, Divider, Flex, Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { wanText } from './wan.ts';

/** The 榜单 part of the call form (揭榜挂帅 only): 发榜方, 攻关目标, the fixed 考核指标 and the period; 榜额 is the 资助强度. */
export function DemandFields() {
  const { t } = useTranslation();
  return (
    <div data-testid="demand-fields">
      <Divider titlePlacement="start">{t('project.page.demand.title')}</Divider>
      <Flex gap={12}>
        <Form.Item
          name={['demand', 'issuer']}
          label={t('project.page.demand.issuer')}
          rules={[{ required: true, max: 100 }]}
          style={{ flex: 2 }}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name={['demand', 'periodMonths']}
          label={t('project.page.demand.periodMonths')}
          rules={[{ required: true }]}
          style={{ flex: 1 }}
        >
          <InputNumber min={1} max={120} style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Form.Item name={['demand', 'goal']} label={t('project.page.demand.goal')} rules={[{ required: true, max: 2000 }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.List
        name={['demand', 'targets']}
        rules={[{ validator: async (_, v: unknown[]) => (v?.length ? undefined : Promise.reject(t('project.page.demand.needTarget'))) }]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((f) => (
              <Flex key={f.key} gap={8} align="baseline">
                <Form.Item name={[f.name, 'name']} rules={[{ required: true }]} style={{ flex: 3 }}>
                  <Input placeholder={t('project.page.app.targetName')} aria-label={t('project.page.demand.targetName')} />
                </Form.Item>
                <Form.Item name={[f.name, 'value']} rules={[{ required: true, pattern: /^\d{1,12}(\.\d{1,6})?$/ }]} style={{ flex: 1 }}>
                  <Input placeholder={t('project.page.app.targetValue')} aria-label={t('project.page.demand.targetValue')} />
                </Form.Item>
                <Form.Item name={[f.name, 'unit']} rules={[{ required: true }]} style={{ flex: 1 }}>
                  <Input placeholder={t('project.page.app.targetUnit')} aria-label={t('project.page.demand.targetUnit')} />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(f.name)} />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} data-testid="demand-target-add">
              {t('project.page.app.addTarget')}
            </Button>
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
    </div>
  );
}

/** A published 榜单 as bidders read it. */
export function DemandCard({ demand, maxGrantFen }: { demand: TDemand; maxGrantFen: number }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('project.page.demand.title')} style={{ marginBottom: 16 }} data-testid="demand-card">
      <Descriptions size="small" column={2}>
        <Descriptions.Item label={t('project.page.demand.issuer')}>{demand.issuer}</Descriptions.Item>
        <Descriptions.Item label={t('project.page.demand.amount')}>{wanText(maxGrantFen)}</Descriptions.Item>
        <Descriptions.Item label={t('project.page.demand.periodMonths')}>
          {t('project.page.demand.months', { count: demand.periodMonths })}
        </Descriptions.Item>
        <Descriptions.Item label={t('project.page.demand.goal')} span={2}>
          {demand.goal}
        </Descriptions.Item>
        <Descriptions.Item label={t('project.fields.targets')} span={2}>
          {demand.targets.map((x) => `${x.name} ${x.value}${x.unit}`).join('；')}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
