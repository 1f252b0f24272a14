import type { TPlanDraft } from '@kechuang/contracts';
import { DatePicker, Flex, Form, type FormInstance, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { RegionPicker } from '../../components/RegionPicker.tsx';

export interface MetaValues {
  title: string;
  docNumber?: string;
  issuer?: string;
  issuedOn?: Dayjs | null;
  regionCode?: string;
  year?: number;
  periodTo?: number | null;
  kind: TPlanDraft['kind'];
}

export function metaFromDraft(draft: TPlanDraft): MetaValues {
  const date = draft.date ? dayjs(draft.date) : null;
  const year = draft.year ?? draft.period?.from;
  const periodTo = draft.period && draft.period.to !== year ? draft.period.to : null;
  return {
    title: draft.title,
    docNumber: draft.docNumber ?? '',
    issuer: draft.issuer ?? '',
    issuedOn: date?.isValid() ? date : null,
    ...(draft.region?.code ? { regionCode: draft.region.code } : {}),
    ...(year ? { year } : {}),
    periodTo,
    kind: draft.kind,
  };
}

const blankToNull = (v: string | undefined): string | null => (v?.trim() ? v.trim() : null);

/** The metadata part of ZPlanCreate, from validated form values. */
export function metaToInput(v: MetaValues) {
  return {
    title: v.title.trim(),
    docNumber: blankToNull(v.docNumber),
    issuer: blankToNull(v.issuer),
    issuedOn: v.issuedOn ? v.issuedOn.format('YYYY-MM-DD') : null,
    regionCode: v.regionCode ?? '',
    year: v.year ?? 0,
    periodTo: v.periodTo ?? null,
    kind: v.kind,
  };
}

/** Memoised: the review page re-renders on every edit in the table, the form need not. */
export const MetaForm = memo(function MetaForm({ form, draft }: { form: FormInstance<MetaValues>; draft: TPlanDraft }) {
  const { t } = useTranslation();
  const regionName = draft.region && !draft.region.code ? draft.region.name : null;
  return (
    <Form<MetaValues> form={form} layout="vertical" initialValues={metaFromDraft(draft)} data-testid="plan-meta">
      <Form.Item name="title" label={t('plan.fields.title')} rules={[{ required: true, whitespace: true }, { min: 2 }, { max: 200 }]}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={200} />
      </Form.Item>
      <Flex gap={16}>
        <Form.Item name="docNumber" label={t('plan.fields.docNumber')} rules={[{ max: 60 }]} style={{ flex: 1 }}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="issuedOn" label={t('plan.fields.issuedOn')} style={{ width: 180 }}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Form.Item name="issuer" label={t('plan.fields.issuer')} rules={[{ max: 100 }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="regionCode"
        label={t('plan.fields.region')}
        rules={[{ required: true }]}
        extra={regionName ? t('plan.hints.regionDetected', { name: regionName }) : undefined}
      >
        <RegionPicker style={{ width: '100%' }} data-testid="plan-region" />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item name="year" label={t('plan.fields.year')} rules={[{ required: true }]} style={{ width: 140 }}>
          <InputNumber min={1990} max={2100} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="periodTo"
          label={t('plan.fields.periodTo')}
          tooltip={t('plan.hints.periodTo')}
          dependencies={['year']}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_rule, value: number | null | undefined) => {
                const year = getFieldValue('year') as number | undefined;
                if (value && year && value < year) throw new Error(t('plan.hints.periodTo'));
              },
            }),
          ]}
          style={{ width: 140 }}
        >
          <InputNumber min={1990} max={2100} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="kind" label={t('plan.fields.kind')} rules={[{ required: true }]} style={{ width: 160 }}>
          <Select options={(['plan', 'summary'] as const).map((k) => ({ value: k, label: t(`plan.kind.${k}`) }))} data-testid="plan-kind" />
        </Form.Item>
      </Flex>
    </Form>
  );
});
