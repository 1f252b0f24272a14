import type { TEnterpriseYear, TEnterpriseYearInput, TStaffMonth } from '@kechuang/contracts';
import { App, Col, Form, InputNumber, Modal, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/error-text.ts';
import { type MoneyField, moneyFields, type RdField, rdFields } from './assess-model.ts';
import { fenToWan, isWanText, wanToFen } from './money.ts';
import { useSaveYear } from './registry-api.ts';
import { StaffMonthsField } from './StaffMonthsField.tsx';

type Values = Partial<Record<MoneyField | RdField, string | null>> & {
  employeesAvg?: string | null;
  techStaffAvg?: string | null;
  staffMonths?: TStaffMonth[] | null;
  conversions?: number | null;
};

function toValues(y: TEnterpriseYear | undefined): Values {
  if (!y) return {};
  const v: Values = {
    employeesAvg: y.employeesAvg ?? null,
    techStaffAvg: y.techStaffAvg ?? null,
    staffMonths: y.staffMonths ?? null,
    conversions: y.conversions ?? null,
  };
  for (const f of moneyFields) v[f] = y[f] === undefined ? null : fenToWan(y[f]);
  for (const f of rdFields) v[f] = y.rdExpense ? fenToWan(y.rdExpense[f]) : null;
  return v;
}

function toInput(v: Values): TEnterpriseYearInput {
  const out: TEnterpriseYearInput = {};
  // months entered replace the averages typed in (the engine computes them from the months)
  if (v.staffMonths && v.staffMonths.length > 0) out.staffMonths = v.staffMonths;
  else {
    if (v.employeesAvg) out.employeesAvg = String(v.employeesAvg);
    if (v.techStaffAvg) out.techStaffAvg = String(v.techStaffAvg);
  }
  if (typeof v.conversions === 'number') out.conversions = v.conversions;
  for (const f of moneyFields) {
    const fen = wanToFen(v[f]);
    if (fen !== undefined) out[f] = fen;
  }
  const rd = Object.fromEntries(rdFields.map((f) => [f, wanToFen(v[f]) ?? 0])) as Record<RdField, number>;
  if (rdFields.some((f) => wanToFen(v[f]) !== undefined)) out.rdExpense = rd;
  return out;
}

/** Edit one fiscal year of the enterprise's own figures (万元 in, 分 stored). */
export function YearEditModal(props: {
  enterpriseId: number;
  year: number | null;
  data: TEnterpriseYear | undefined;
  onClose: () => void;
}) {
  const { enterpriseId, year, data, onClose } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const save = useSaveYear(enterpriseId);
  const months = Form.useWatch('staffMonths', form) as TStaffMonth[] | null | undefined;
  const monthly = (months?.length ?? 0) > 0;
  const usedInstead = monthly ? { help: t('enterprise.assess.months.usedInstead') } : {};
  const wanRule = (signed: boolean) => ({
    validator: (_: unknown, value: string | null | undefined) =>
      value === null || value === undefined || value === '' || isWanText(String(value), signed)
        ? Promise.resolve()
        : Promise.reject(new Error(t('enterprise.assess.year.wanInvalid'))),
  });
  const money = (f: MoneyField | RdField, label: string, signed = false) => (
    <Col xs={24} md={12} key={f}>
      <Form.Item name={f} label={label} rules={[wanRule(signed)]}>
        <InputNumber<string> stringMode controls={false} min={signed ? undefined : '0'} style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );
  return (
    <Modal
      open={year !== null}
      title={t('enterprise.registry.mine.editYear', { year })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      width={760}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={toValues(data)}
        preserve={false}
        onFinish={(v) =>
          year !== null &&
          save.mutate(
            { year, input: toInput(v) },
            {
              onSuccess: () => {
                message.success(t('enterprise.registry.mine.saved', { year }));
                onClose();
              },
              onError: (e) => message.error(errorText(e)),
            },
          )
        }
      >
        <Typography.Paragraph type="secondary">{t('enterprise.assess.year.hint')}</Typography.Paragraph>
        <Row gutter={16}>
          <Col xs={24}>
            <Form.Item name="staffMonths" label={t('enterprise.assess.months.row')}>
              <StaffMonthsField year={year ?? 0} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="employeesAvg" label={t('enterprise.assess.year.employeesAvg')} {...usedInstead}>
              <InputNumber<string> stringMode min="0" disabled={monthly} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="techStaffAvg" label={t('enterprise.assess.year.techStaffAvg')} {...usedInstead}>
              <InputNumber<string> stringMode min="0" disabled={monthly} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="conversions" label={t('enterprise.assess.year.conversions')}>
              <InputNumber<number> min={0} max={10000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {moneyFields.map((f) =>
            money(f, t('enterprise.registry.mine.wanLabel', { label: t(`enterprise.assess.year.${f}`) }), f === 'netAssetsFen'),
          )}
          {rdFields.map((f) => money(f, t('enterprise.registry.mine.wanLabel', { label: t(`enterprise.assess.rd.${f}`) })))}
        </Row>
      </Form>
    </Modal>
  );
}
