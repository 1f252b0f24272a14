import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { TIndicator, TIndicatorCreate } from '@kechuang/contracts';
import {
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TableSkeleton } from '../../components/PageSkeleton.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useErrorText } from '../../lib/error-text.ts';
import { applyFieldErrors } from '../../lib/form-errors.ts';
import { useDrawer } from '../../lib/use-drawer.ts';
import { useCurrentUser } from '../auth/auth-api.ts';
import { useCatalog, useSaveIndicator } from './indicator-api.ts';
import { categories } from './indicator-format.ts';

const aggregations = ['sum', 'ratio', 'none'] as const;

/** 指标目录: the standard and local indicators with their definition and statistical caliber. */
export function CatalogTab() {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const isAdmin = user.roles.includes('admin');
  const catalog = useCatalog();
  const drawer = useDrawer<TIndicator>();
  const [q, setQ] = useState('');
  const [category, setCategory] = useState<string>();
  const [aggregation, setAggregation] = useState<string>();
  const [origin, setOrigin] = useState<'builtin' | 'local'>();
  const byCode = useMemo(() => new Map((catalog.data ?? []).map((i) => [i.code, i])), [catalog.data]);

  const rows = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return (catalog.data ?? []).filter(
      (i) =>
        (!needle || i.code.includes(needle) || i.nameZh.includes(needle) || i.nameEn.toLowerCase().includes(needle)) &&
        (!category || i.category === category) &&
        (!aggregation || i.aggregation === aggregation) &&
        (!origin || (origin === 'builtin') === i.builtin),
    );
  }, [catalog.data, q, category, aggregation, origin]);

  const formula = (i: TIndicator) => {
    if (i.aggregation !== 'ratio' || !i.numeratorCode || !i.denominatorCode) return null;
    const num = byCode.get(i.numeratorCode)?.nameZh ?? i.numeratorCode;
    const den = byCode.get(i.denominatorCode)?.nameZh ?? i.denominatorCode;
    return `${num} ÷ ${den}${i.scale && i.scale !== 1 ? ` × ${i.scale}` : ''}`;
  };

  const columns: TableColumnsType<TIndicator> = [
    {
      title: t('indicator.catalog.cols.code'),
      dataIndex: 'code',
      width: 270,
      sorter: (a, b) => a.code.localeCompare(b.code),
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    {
      title: t('indicator.catalog.cols.name'),
      key: 'name',
      sorter: (a, b) => a.nameZh.localeCompare(b.nameZh, 'zh-CN'),
      render: (_, i) => (
        <div>
          <Typography.Text strong>{i.nameZh}</Typography.Text>
          {i.nameEn ? (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {i.nameEn}
              </Typography.Text>
            </div>
          ) : null}
        </div>
      ),
    },
    {
      title: t('indicator.catalog.cols.category'),
      dataIndex: 'category',
      width: 110,
      render: (v: TIndicator['category']) => <Tag>{t(`indicator.category.${v}`)}</Tag>,
    },
    { title: t('indicator.catalog.cols.unit'), dataIndex: 'unit', width: 80 },
    {
      title: t('indicator.catalog.cols.polarity'),
      dataIndex: 'polarity',
      width: 90,
      render: (v: TIndicator['polarity']) => <Tag color={v === 'positive' ? 'green' : 'volcano'}>{t(`indicator.polarity.${v}`)}</Tag>,
    },
    {
      title: t('indicator.catalog.cols.aggregation'),
      dataIndex: 'aggregation',
      width: 150,
      render: (v: TIndicator['aggregation']) => t(`indicator.aggregation.${v}`),
    },
    {
      title: t('indicator.catalog.cols.kind'),
      key: 'kind',
      width: 130,
      render: (_, i) => (
        <Space size={4} wrap>
          {i.derived ? <Tag color="purple">{t('indicator.catalog.derived')}</Tag> : null}
          {i.builtin ? <Tag color="blue">{t('indicator.catalog.builtin')}</Tag> : <Tag color="orange">{t('indicator.catalog.local')}</Tag>}
        </Space>
      ),
    },
    ...(isAdmin
      ? [
          {
            title: t('common.table.actions'),
            key: 'actions',
            width: 80,
            render: (_: unknown, i: TIndicator) => (
              <Button
                size="small"
                type="link"
                icon={<EditOutlined />}
                onClick={() => drawer.openWith(i)}
                aria-label={t('common.actions.edit')}
              >
                {t('common.actions.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card styles={{ body: { padding: 0 } }} data-testid="indicator-catalog">
      <Flex gap={12} wrap align="center" style={{ padding: 16 }}>
        <Input.Search
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={t('indicator.catalog.search')}
          allowClear
          style={{ width: 280 }}
        />
        <Select
          value={category}
          onChange={setCategory}
          allowClear
          placeholder={t('indicator.catalog.cols.category')}
          style={{ width: 150 }}
          options={categories.map((c) => ({ value: c, label: t(`indicator.category.${c}`) }))}
        />
        <Select
          value={aggregation}
          onChange={setAggregation}
          allowClear
          placeholder={t('indicator.catalog.cols.aggregation')}
          style={{ width: 170 }}
          options={aggregations.map((a) => ({ value: a, label: t(`indicator.aggregation.${a}`) }))}
        />
        <Select
          value={origin}
          onChange={setOrigin}
          allowClear
          placeholder={t('indicator.catalog.origin')}
          style={{ width: 130 }}
          options={[
            { value: 'builtin', label: t('indicator.catalog.builtin') },
            { value: 'local', label: t('indicator.catalog.local') },
          ]}
        />
        <span style={{ flex: 1 }} />
        {isAdmin ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => drawer.openWith(null)} data-testid="indicator-add">
            {t('indicator.catalog.add')}
          </Button>
        ) : null}
      </Flex>
      {catalog.isError ? <QueryError error={catalog.error} onRetry={() => catalog.refetch()} /> : null}
      {catalog.isPending ? (
        <TableSkeleton />
      ) : (
        <Table<TIndicator>
          rowKey="code"
          size="middle"
          columns={columns}
          dataSource={rows}
          scroll={{ x: 1000 }}
          pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (total) => t('common.table.total', { total }) }}
          expandable={{
            expandedRowRender: (i) => (
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'def', label: t('indicator.catalog.definition'), children: i.definition || t('common.none') },
                  { key: 'cal', label: t('indicator.catalog.caliber'), children: i.caliber || t('common.none') },
                  ...(formula(i) ? [{ key: 'formula', label: t('indicator.catalog.formula'), children: formula(i) }] : []),
                  { key: 'decimals', label: t('indicator.catalog.decimals'), children: i.decimals },
                ]}
              />
            ),
          }}
          locale={{ emptyText: t('common.table.noMatch') }}
        />
      )}
      <IndicatorDrawer key={drawer.key} open={drawer.open} item={drawer.item} catalog={catalog.data ?? []} onClose={drawer.close} />
    </Card>
  );
}

interface FormValues {
  code: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  category: TIndicator['category'];
  polarity: TIndicator['polarity'];
  aggregation: TIndicator['aggregation'];
  numeratorCode: string | null;
  denominatorCode: string | null;
  scale: number | null;
  decimals: number;
  definition: string;
  caliber: string;
}

function IndicatorDrawer({
  open,
  item,
  catalog,
  onClose,
}: {
  open: boolean;
  item: TIndicator | null;
  catalog: TIndicator[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<FormValues>();
  const save = useSaveIndicator();
  const aggregation = Form.useWatch('aggregation', form);
  const fixed = item?.builtin === true;
  const sums = catalog.filter((i) => i.aggregation === 'sum').map((i) => ({ value: i.code, label: `${i.nameZh}（${i.code}）` }));

  const submit = (v: FormValues) => {
    const ratio = v.aggregation === 'ratio';
    const arg = item
      ? {
          code: item.code,
          update: {
            version: item.version,
            nameZh: v.nameZh,
            nameEn: v.nameEn ?? '',
            definition: v.definition ?? '',
            caliber: v.caliber ?? '',
            decimals: v.decimals,
            ...(fixed ? {} : { unit: v.unit, category: v.category, polarity: v.polarity }),
          },
        }
      : {
          create: {
            code: v.code,
            nameZh: v.nameZh,
            nameEn: v.nameEn ?? '',
            unit: v.unit,
            category: v.category,
            polarity: v.polarity,
            aggregation: v.aggregation,
            numeratorCode: ratio ? v.numeratorCode : null,
            denominatorCode: ratio ? v.denominatorCode : null,
            scale: ratio ? v.scale : null,
            decimals: v.decimals,
            definition: v.definition ?? '',
            caliber: v.caliber ?? '',
          } satisfies TIndicatorCreate,
        };
    save.mutate(arg, {
      onSuccess: () => {
        message.success(t('common.saved'));
        onClose();
      },
      onError: (e) => {
        const text = errorText(e);
        if (!applyFieldErrors(form, e, text, { 'indicator/duplicate_code': 'code' })) message.error(text);
      },
    });
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={560}
      title={item ? t('indicator.catalog.editTitle', { name: item.nameZh }) : t('indicator.catalog.add')}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.actions.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="indicator-save">
            {t('common.actions.save')}
          </Button>
        </Space>
      }
    >
      {fixed ? <Typography.Paragraph type="secondary">{t('indicator.catalog.builtinHint')}</Typography.Paragraph> : null}
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          item
            ? { ...item }
            : {
                polarity: 'positive',
                aggregation: 'sum',
                category: 'output',
                decimals: 2,
                numeratorCode: null,
                denominatorCode: null,
                scale: 100,
              }
        }
      >
        <Form.Item
          name="code"
          label={t('indicator.catalog.cols.code')}
          extra={item ? undefined : t('indicator.catalog.codeHint')}
          rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{1,59}$/, message: t('indicator.catalog.codeRule') }]}
        >
          <Input disabled={item !== null} maxLength={60} />
        </Form.Item>
        <Form.Item name="nameZh" label={t('indicator.catalog.nameZh')} rules={[{ required: true, min: 2, max: 60 }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('indicator.catalog.nameEn')}>
          <Input maxLength={120} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="unit" label={t('indicator.catalog.cols.unit')} rules={[{ required: true, max: 20 }]} style={{ flex: 1 }}>
            <Input disabled={fixed} maxLength={20} />
          </Form.Item>
          <Form.Item name="category" label={t('indicator.catalog.cols.category')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <Select disabled={fixed} options={categories.map((c) => ({ value: c, label: t(`indicator.category.${c}`) }))} />
          </Form.Item>
          <Form.Item name="decimals" label={t('indicator.catalog.decimals')} style={{ width: 100 }}>
            <InputNumber min={0} max={6} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item name="polarity" label={t('indicator.catalog.cols.polarity')}>
          <Radio.Group disabled={fixed}>
            <Radio value="positive">{t('indicator.polarity.positive')}</Radio>
            <Radio value="negative">{t('indicator.polarity.negative')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="aggregation" label={t('indicator.catalog.cols.aggregation')} extra={t('indicator.catalog.aggregationHint')}>
          <Radio.Group disabled={item !== null}>
            {aggregations.map((a) => (
              <Radio key={a} value={a}>
                {t(`indicator.aggregation.${a}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        {aggregation === 'ratio' ? (
          <Flex gap={12}>
            <Form.Item name="numeratorCode" label={t('indicator.catalog.numerator')} rules={[{ required: true }]} style={{ flex: 1 }}>
              <Select disabled={item !== null} showSearch={{ optionFilterProp: 'label' }} options={sums} />
            </Form.Item>
            <Form.Item name="denominatorCode" label={t('indicator.catalog.denominator')} rules={[{ required: true }]} style={{ flex: 1 }}>
              <Select disabled={item !== null} showSearch={{ optionFilterProp: 'label' }} options={sums} />
            </Form.Item>
            <Form.Item name="scale" label={t('indicator.catalog.scale')} rules={[{ required: true }]} style={{ width: 100 }}>
              <InputNumber disabled={item !== null} min={0.000001} style={{ width: '100%' }} />
            </Form.Item>
          </Flex>
        ) : null}
        <Form.Item name="definition" label={t('indicator.catalog.definition')}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="caliber" label={t('indicator.catalog.caliber')}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
