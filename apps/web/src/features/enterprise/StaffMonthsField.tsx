import type { TStaffMonth } from '@kechuang/contracts';
import { Alert, Button, InputNumber, Modal, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkMonths, monthlyAverages, rowsOf, type StaffMonthRow } from './staff-months.ts';

type Field = 'employeesStart' | 'employeesEnd' | 'techStaffStart' | 'techStaffEnd';

/**
 * 职工总数、科技人员数 entered month by month (月初数、月末数) for one fiscal year, as a form control: the value is
 * the months (or null), the computed 全年月平均数 is shown next to it and in the dialog as the months are typed.
 */
export function StaffMonthsField(props: { value?: TStaffMonth[] | null; onChange?: (v: TStaffMonth[] | null) => void; year: number }) {
  const { value, onChange, year } = props;
  const { t } = useTranslation();
  const [rows, setRows] = useState<StaffMonthRow[] | null>(null);
  const check = rows ? checkMonths(rows) : null;
  const avg = value && value.length > 0 ? monthlyAverages(value) : null;
  const set = (month: number, field: Field, v: number | null) =>
    setRows((rs) => (rs ?? []).map((r) => (r.month === month ? { ...r, [field]: v } : r)));
  const cell = (field: Field) => (_: unknown, r: StaffMonthRow) => (
    <InputNumber<number>
      aria-label={t('enterprise.assess.months.cellLabel', { month: r.month, field: t(`enterprise.assess.months.${field}`) })}
      min={0}
      max={10_000_000}
      precision={0}
      value={r[field] ?? null}
      onChange={(v) => set(r.month, field, v)}
      style={{ width: '100%' }}
    />
  );
  const columns: TableColumnsType<StaffMonthRow> = [
    {
      title: t('enterprise.assess.months.month'),
      key: 'month',
      width: 70,
      render: (_, r) => t('enterprise.assess.months.monthN', { month: r.month }),
    },
    {
      title: t('enterprise.assess.year.employeesAvg'),
      children: [
        { title: t('enterprise.assess.months.start'), key: 'es', render: cell('employeesStart') },
        { title: t('enterprise.assess.months.end'), key: 'ee', render: cell('employeesEnd') },
      ],
    },
    {
      title: t('enterprise.assess.year.techStaffAvg'),
      children: [
        { title: t('enterprise.assess.months.start'), key: 'ss', render: cell('techStaffStart') },
        { title: t('enterprise.assess.months.end'), key: 'se', render: cell('techStaffEnd') },
      ],
    },
  ];
  const live = check?.ok ? monthlyAverages(check.months) : null;
  return (
    <Space direction="vertical" size={2}>
      {avg ? (
        <Typography.Text type="success">
          {t('enterprise.assess.months.summary', { months: avg.months, employees: avg.employees, techStaff: avg.techStaff })}
        </Typography.Text>
      ) : null}
      <Space size={4}>
        <Button size="small" onClick={() => setRows(rowsOf(value))}>
          {avg ? t('enterprise.assess.months.edit') : t('enterprise.assess.months.open')}
        </Button>
        {avg ? (
          <Button size="small" type="link" onClick={() => onChange?.(null)}>
            {t('enterprise.assess.months.clear')}
          </Button>
        ) : null}
      </Space>
      <Modal
        open={rows !== null}
        title={t('enterprise.assess.months.title', { year })}
        width={760}
        okText={t('common.actions.confirm')}
        cancelText={t('common.actions.cancel')}
        okButtonProps={{ disabled: !check?.ok }}
        onCancel={() => setRows(null)}
        onOk={() => {
          if (check?.ok) onChange?.(check.months);
          setRows(null);
        }}
      >
        <Typography.Paragraph type="secondary">{t('enterprise.assess.months.hint')}</Typography.Paragraph>
        <Table<StaffMonthRow> rowKey="month" size="small" bordered pagination={false} columns={columns} dataSource={rows ?? []} />
        <div style={{ marginTop: 12 }}>
          {live ? (
            <Alert
              type="info"
              showIcon
              message={t('enterprise.assess.months.summary', { months: live.months, employees: live.employees, techStaff: live.techStaff })}
            />
          ) : check && !check.ok ? (
            <Alert type="warning" showIcon message={t(`enterprise.assess.months.invalid.${check.reason}`, { month: check.month })} />
          ) : null}
        </div>
      </Modal>
    </Space>
  );
}
