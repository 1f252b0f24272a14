import { Card, Form, InputNumber, Table, type TableColumnsType, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { moneyFields, rdFields, type YearValues } from './assess-model.ts';
import { isWanText } from './money.ts';
import { StaffMonthsField } from './StaffMonthsField.tsx';

type Kind = 'wan' | 'signedWan' | 'decimal' | 'count' | 'months';
interface Row {
  key: string;
  label: string;
  path?: string[];
  kind?: Kind;
  group?: boolean;
}

const decimalPattern = /^\d{1,12}(\.\d{1,6})?$/;

/** The yearly figures as a grid: one row per field, one column per fiscal year (oldest first). */
export function AssessYears({ years }: { years: number[] }) {
  const { t } = useTranslation();
  const group = (key: 'staff' | 'income' | 'rd' | 'other'): Row => ({
    key: `g-${key}`,
    label: t(`enterprise.assess.year.groups.${key}`),
    group: true,
  });
  const rows: Row[] = [
    group('staff'),
    { key: 'staffMonths', label: t('enterprise.assess.months.row'), path: ['staffMonths'], kind: 'months' },
    { key: 'employeesAvg', label: t('enterprise.assess.year.employeesAvg'), path: ['employeesAvg'], kind: 'decimal' },
    { key: 'techStaffAvg', label: t('enterprise.assess.year.techStaffAvg'), path: ['techStaffAvg'], kind: 'decimal' },
    group('income'),
    ...moneyFields.map(
      (f): Row => ({ key: f, label: t(`enterprise.assess.year.${f}`), path: [f], kind: f === 'netAssetsFen' ? 'signedWan' : 'wan' }),
    ),
    group('rd'),
    ...rdFields.map((f): Row => ({ key: `rd-${f}`, label: t(`enterprise.assess.rd.${f}`), path: ['rd', f], kind: 'wan' })),
    group('other'),
    { key: 'conversions', label: t('enterprise.assess.year.conversions'), path: ['conversions'], kind: 'count' },
  ];

  const form = Form.useFormInstance();
  const watched = Form.useWatch('years', form) as YearValues[] | undefined;
  const monthly = (index: number) => (watched?.[index]?.staffMonths?.length ?? 0) > 0;
  const rulesFor = (kind: Kind): Rule[] => {
    if (kind === 'count' || kind === 'months') return [];
    const ok = (v: string) => (kind === 'decimal' ? decimalPattern.test(v) : isWanText(v, kind === 'signedWan'));
    const message = t(kind === 'decimal' ? 'enterprise.assess.year.decimalInvalid' : 'enterprise.assess.year.wanInvalid');
    return [
      {
        validator: (_, value: string | null | undefined) =>
          value === null || value === undefined || value === '' || ok(String(value))
            ? Promise.resolve()
            : Promise.reject(new Error(message)),
      },
    ];
  };

  const columns: TableColumnsType<Row> = [
    {
      title: t('enterprise.assess.year.item'),
      key: 'label',
      width: 260,
      onCell: (row) => ({ colSpan: row.group ? years.length + 1 : 1 }),
      render: (_, row) => (row.group ? <Typography.Text strong>{row.label}</Typography.Text> : row.label),
    },
    ...years.map((year, index): TableColumnsType<Row>[number] => ({
      title: t('enterprise.assess.year.column', { year }),
      key: String(index),
      onCell: (row) => ({ colSpan: row.group ? 0 : 1 }),
      render: (_, row) => {
        if (!row.path || !row.kind) return null;
        const ariaLabel = t('enterprise.assess.year.fieldLabel', { year, field: row.label });
        if (row.kind === 'months')
          return (
            <Form.Item name={['years', index, ...row.path]} style={{ margin: 0 }}>
              <StaffMonthsField year={year} />
            </Form.Item>
          );
        // the averages typed in give way to the months entered (the engine computes them)
        const replaced = row.kind === 'decimal' && monthly(index);
        return (
          <Form.Item
            name={['years', index, ...row.path]}
            rules={rulesFor(row.kind)}
            style={{ margin: 0 }}
            {...(replaced ? { help: t('enterprise.assess.months.usedInstead') } : {})}
          >
            {row.kind === 'count' ? (
              <InputNumber<number> aria-label={ariaLabel} min={0} max={10000} precision={0} style={{ width: '100%' }} />
            ) : (
              <InputNumber<string>
                aria-label={ariaLabel}
                disabled={replaced}
                stringMode
                min={row.kind === 'signedWan' ? undefined : '0'}
                controls={false}
                style={{ width: '100%' }}
              />
            )}
          </Form.Item>
        );
      },
    })),
  ];

  return (
    <Card title={t('enterprise.assess.sections.years')} size="small" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {t('enterprise.assess.year.hint')}
      </Typography.Paragraph>
      <Table<Row>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        bordered
        rowClassName={(row) => (row.group ? 'kc-row-group' : '')}
      />
    </Card>
  );
}
