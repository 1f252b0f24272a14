import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { TIndicator, TStoredScheme } from '@kechuang/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Radio,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { RegionPicker } from '../../components/RegionPicker.tsx';
import { useErrorText } from '../../lib/error-text.ts';
import { useCurrentUser } from '../auth/auth-api.ts';
import { useSaveScheme } from './indicator-api.ts';
import { SchemeLeafHeader, SchemeLeafRow } from './SchemeLeafRow.tsx';
import { SchemeTierRow } from './SchemeTierRow.tsx';
import { fromForm, type SchemeForm, starterScheme, toForm } from './scheme-model.ts';

/** 评价方案 editor: level-1 groups with weights, their indicators with polarity and normalisation, the rules and tiers. */
export function SchemeEditor({
  open,
  item,
  catalog,
  onClose,
  onSaved,
}: {
  open: boolean;
  item: TStoredScheme | null;
  catalog: TIndicator[];
  onClose: () => void;
  onSaved: (s: TStoredScheme) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { user } = useCurrentUser();
  const [form] = Form.useForm<SchemeForm>();
  const save = useSaveScheme();
  const byCode = useMemo(() => new Map(catalog.map((i) => [i.code, i])), [catalog]);
  const groups = Form.useWatch('groups', form);
  const tiers = Form.useWatch('tiers', form);
  const groupTotal = (groups ?? []).reduce((s, g) => s + (Number(g?.weight) || 0), 0);
  const initial = useMemo(
    () => (item ? toForm(item) : starterScheme(user.regionCode, user.regionCode.endsWith('0000') ? 2 : 3)),
    [item, user.regionCode],
  );

  const submit = (v: SchemeForm) => {
    save.mutate(
      { id: item?.id ?? null, input: fromForm(v, byCode), ...(item ? { version: item.version } : {}) },
      {
        onSuccess: (s) => {
          message.success(t('common.saved'));
          onSaved(s);
          onClose();
        },
        onError: (e) => message.error(errorText(e)),
      },
    );
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={920}
      destroyOnHidden
      title={item ? t('indicator.scheme.editTitle', { name: item.name }) : t('indicator.scheme.newTitle')}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.actions.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="scheme-save">
            {t('common.actions.save')}
          </Button>
        </Space>
      }
    >
      <Form<SchemeForm>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={submit}
        onFinishFailed={() => message.warning(t('indicator.scheme.fixErrors'))}
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="name" label={t('indicator.scheme.name')} rules={[{ required: true, min: 2, max: 100 }]}>
              <Input maxLength={100} placeholder={t('indicator.scheme.namePlaceholder')} data-testid="scheme-name" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="level" label={t('indicator.scheme.level')} rules={[{ required: true }]}>
              <Select
                options={[
                  { value: 2, label: t('indicator.scheme.levels.2') },
                  { value: 3, label: t('indicator.scheme.levels.3') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="parentRegionCode" label={t('indicator.scheme.parent')} rules={[{ required: true }]}>
              <RegionPicker maxLevel={2} allowClear={false} style={{ width: '100%', minWidth: 0 }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label={t('indicator.scheme.description')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="aggregation" label={t('indicator.scheme.aggregation')} extra={t('indicator.scheme.aggregationHint')}>
              <Radio.Group>
                <Radio value="arithmetic">{t('indicator.scheme.aggregations.arithmetic')}</Radio>
                <Radio value="geometric">{t('indicator.scheme.aggregations.geometric')}</Radio>
              </Radio.Group>
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="missing" label={t('indicator.scheme.missing')}>
              <Select
                options={(['zero', 'mean', 'reweight'] as const).map((m) => ({ value: m, label: t(`indicator.scheme.missingRules.${m}`) }))}
              />
            </Form.Item>
          </Col>
        </Row>

        <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('indicator.scheme.groups')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('indicator.scheme.weightHint', { total: groupTotal })}</Typography.Text>
        </Flex>
        <Form.List
          name="groups"
          rules={[{ validator: async (_, g) => (g?.length ? undefined : Promise.reject(new Error(t('indicator.scheme.needGroup')))) }]}
        >
          {(fields, { add, remove }, { errors }) => (
            <Flex vertical gap={12}>
              {fields.map((field) => {
                const leaves = groups?.[field.name]?.children ?? [];
                const leafTotal = leaves.reduce((s, c) => s + (Number(c?.weight) || 0), 0);
                return (
                  <Card
                    key={field.key}
                    size="small"
                    data-testid="scheme-group"
                    title={
                      <Flex gap={8} align="center">
                        <Form.Item
                          name={[field.name, 'name']}
                          rules={[{ required: true, message: t('indicator.scheme.groupName') }]}
                          noStyle
                        >
                          <Input placeholder={t('indicator.scheme.groupName')} style={{ width: 220 }} />
                        </Form.Item>
                        <span style={{ fontWeight: 'normal' }}>{t('indicator.scheme.weight')}</span>
                        <Form.Item name={[field.name, 'weight']} rules={[{ required: true }]} noStyle>
                          <InputNumber min={0.01} style={{ width: 90 }} />
                        </Form.Item>
                        <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 12 }}>
                          {groupTotal > 0 ? `≈ ${(((Number(groups?.[field.name]?.weight) || 0) / groupTotal) * 100).toFixed(1)}%` : ''}
                        </Typography.Text>
                      </Flex>
                    }
                    extra={
                      <Popconfirm title={t('indicator.scheme.removeGroup')} onConfirm={() => remove(field.name)}>
                        <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('indicator.scheme.removeGroup')} />
                      </Popconfirm>
                    }
                  >
                    <Form.List name={[field.name, 'children']}>
                      {(leafFields, leafOps) => (
                        <Flex vertical gap={6}>
                          {leafFields.length > 0 ? <SchemeLeafHeader /> : null}
                          {leafFields.map((leaf) => (
                            <SchemeLeafRow
                              key={leaf.key}
                              form={form}
                              group={field.name}
                              leaf={leaf.name}
                              value={groups?.[field.name]?.children?.[leaf.name]}
                              catalog={catalog}
                              byCode={byCode}
                              onRemove={() => leafOps.remove(leaf.name)}
                            />
                          ))}
                          <Flex justify="space-between" align="center">
                            <Button
                              size="small"
                              type="dashed"
                              icon={<PlusOutlined />}
                              onClick={() =>
                                leafOps.add({ code: undefined, weight: 10, polarity: 'positive', method: 'minmax', transform: 'none' })
                              }
                            >
                              {t('indicator.scheme.addIndicator')}
                            </Button>
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {t('indicator.scheme.leafTotal', { total: leafTotal })}
                            </Typography.Text>
                          </Flex>
                        </Flex>
                      )}
                    </Form.List>
                  </Card>
                );
              })}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', weight: 10, children: [] })}>
                {t('indicator.scheme.addGroup')}
              </Button>
              <Form.ErrorList errors={errors} />
            </Flex>
          )}
        </Form.List>

        <Typography.Title level={5} style={{ margin: '20px 0 8px' }}>
          {t('indicator.scheme.tiers')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('indicator.scheme.tiersHint')}
        </Typography.Paragraph>
        <Form.List name="tiers">
          {(fields, { add, remove }) => (
            <Flex vertical gap={6}>
              {fields.map((f) => (
                <SchemeTierRow key={f.key} name={f.name} value={tiers?.[f.name]} onRemove={() => remove(f.name)} />
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ name: '', minScore: 0, reference: 'fixed' })}
                style={{ width: 200 }}
              >
                {t('indicator.scheme.addTier')}
              </Button>
            </Flex>
          )}
        </Form.List>
        {item && !item.definition.groups.every((g) => g.children.every((c) => c.kind === 'indicator')) ? (
          <Alert type="warning" showIcon title={t('indicator.scheme.nested')} style={{ marginTop: 16 }} />
        ) : null}
      </Form>
    </Drawer>
  );
}
