import {
  integrityActivities,
  integrityListKinds,
  integrityMeasures,
  integrityMisconductTypes,
  integritySeverities,
  type TIntegrityPack,
  type TIntegrityRecord,
  type TIntegrityRecordInput,
} from '@kechuang/contracts';
import { Alert, App, Button, DatePicker, Drawer, Flex, Form, Input, InputNumber, Popconfirm, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/error-text.ts';
import { applyFieldErrors } from '../../lib/form-errors.ts';
import { useDebounced } from '../../lib/use-debounced.ts';
import { recordApi, useIntegrityMutation, usePacks, useSubjects } from './integrity-api.ts';
import { Notes, RecordView } from './RecordView.tsx';

/** What the drawer starts from: a record, or a new one (possibly prefilled from a project suggestion). */
export type DrawerItem =
  | { kind: 'record'; record: TIntegrityRecord }
  | {
      kind: 'new';
      prefill?: {
        subjectKind: 'person' | 'org';
        id: number;
        name: string;
        unit: string | null;
        sourceEventId: number;
        projectTitle: string;
      };
    };

type PeriodMode = 'years' | 'end' | 'permanent' | 'none';
interface FormValues {
  subjectKind: 'person' | 'org';
  subjectId?: number;
  subjectName?: string;
  subjectUnit?: string | null;
  listKind: TIntegrityRecord['listKind'];
  misconductType?: TIntegrityRecord['misconductType'];
  severity?: TIntegrityRecord['severity'];
  measures: TIntegrityRecord['measures'];
  banScope: TIntegrityRecord['banScope'];
  periodStart?: Dayjs | null;
  periodMode: PeriodMode;
  periodYears?: number | null;
  periodEnd?: Dayjs | null;
  docNo?: string | null;
  issuer?: string | null;
  decidedOn?: Dayjs | null;
  occurredOn?: Dayjs | null;
  summary?: string;
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const dj = (s: string | null) => (s ? dayjs(s) : null);

function toForm(r: TIntegrityRecord): FormValues {
  return {
    subjectKind: r.subjectKind,
    subjectId: (r.personId ?? r.orgId) as number,
    subjectName: r.subjectName,
    subjectUnit: r.subjectUnit,
    listKind: r.listKind,
    misconductType: r.misconductType,
    severity: r.severity,
    measures: r.measures,
    banScope: r.banScope,
    periodStart: dj(r.periodStart),
    periodMode: r.permanent ? 'permanent' : r.periodYears ? 'years' : r.periodEnd ? 'end' : 'none',
    periodYears: r.periodYears,
    periodEnd: dj(r.periodEnd),
    docNo: r.docNo,
    issuer: r.issuer,
    decidedOn: dj(r.decidedOn),
    occurredOn: dj(r.occurredOn),
    summary: r.summary,
  };
}

function toInput(v: FormValues, regionCode?: string): TIntegrityRecordInput {
  const red = v.listKind === 'red';
  const mode = v.periodMode;
  return {
    subjectKind: v.subjectKind,
    ...(v.subjectKind === 'person' ? { personId: v.subjectId as number } : { orgId: v.subjectId as number }),
    ...(v.subjectName ? { subjectName: v.subjectName } : {}),
    ...(v.subjectKind === 'person' && v.subjectUnit !== undefined ? { subjectUnit: v.subjectUnit || null } : {}),
    listKind: v.listKind,
    ...(regionCode ? { regionCode } : {}),
    misconductType: red ? null : (v.misconductType ?? null),
    severity: red ? null : (v.severity ?? null),
    measures: red ? [] : (v.measures ?? []),
    banScope: red || !(v.measures ?? []).includes('ban') ? [] : (v.banScope ?? []),
    periodStart: mode === 'none' ? null : day(v.periodStart),
    periodYears: mode === 'years' ? (v.periodYears ?? null) : null,
    periodEnd: mode === 'end' ? day(v.periodEnd) : null,
    permanent: mode === 'permanent',
    docNo: v.docNo || null,
    issuer: v.issuer || null,
    decidedOn: day(v.decidedOn),
    occurredOn: day(v.occurredOn),
    summary: v.summary ?? '',
  };
}

/** The pack in force on the incident date, as the server will choose it. */
function packOn(packs: TIntegrityPack[] | undefined, on: string | null): TIntegrityPack | null {
  if (!packs || !on) return null;
  return packs.find((p) => p.effectiveFrom <= on && (p.effectiveTo === null || on <= p.effectiveTo)) ?? null;
}

function SubjectSelect(props: {
  /** from Form.Item, so the field's label names the select */
  id?: string;
  kind: 'person' | 'org';
  value?: number;
  onChange?: (v: number, label: { name: string; unit: string | null }) => void;
  initial?: { id: number; name: string; unit: string | null } | undefined;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const debounced = useDebounced(q, 300);
  const found = useSubjects(props.kind, debounced);
  const options = (found.data ?? []).map((s) => ({
    value: s.id,
    label: [s.name, s.unit, s.idLast4 ? `****${s.idLast4}` : null, s.uscc].filter(Boolean).join(' · '),
    subject: s,
  }));
  if (props.initial && !options.some((o) => o.value === props.initial?.id))
    options.unshift({
      value: props.initial.id,
      label: [props.initial.name, props.initial.unit].filter(Boolean).join(' · '),
      subject: { kind: props.kind, id: props.initial.id, name: props.initial.name, unit: props.initial.unit, idLast4: null, uscc: null },
    });
  return (
    <Select
      {...(props.id ? { id: props.id } : {})}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={props.value}
      onChange={(v, o) => {
        const s = (Array.isArray(o) ? o[0] : o)?.subject;
        props.onChange?.(v, { name: s?.name ?? '', unit: s?.unit ?? null });
      }}
      placeholder={props.kind === 'person' ? t('integrity.page.pickSubject') : t('integrity.page.pickOrg')}
      notFoundContent={debounced ? t('integrity.page.noSubject') : null}
      loading={found.isFetching}
      options={options}
      data-testid="integrity-subject"
    />
  );
}

/** Create or edit a draft; a record past draft is shown with its steps (confirm, publish, revoke, appeal). */
export function RecordDrawer(props: { open: boolean; item: DrawerItem | null; onClose: () => void; canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const packs = usePacks();
  const [form] = Form.useForm<FormValues>();
  const [current, setCurrent] = useState<TIntegrityRecord | null>(props.item?.kind === 'record' ? props.item.record : null);
  const prefill = props.item?.kind === 'new' ? props.item.prefill : undefined;
  const [initial] = useState<FormValues>(() =>
    current
      ? toForm(current)
      : {
          subjectKind: prefill?.subjectKind ?? 'person',
          ...(prefill ? { subjectId: prefill.id, subjectName: prefill.name, subjectUnit: prefill.unit } : {}),
          listKind: 'black',
          measures: [],
          banScope: [],
          periodMode: 'years',
          summary: '',
        },
  );
  const kind = Form.useWatch('subjectKind', form) ?? initial.subjectKind;
  const listKind = Form.useWatch('listKind', form) ?? initial.listKind;
  const measures = Form.useWatch('measures', form) ?? initial.measures;
  const mode = Form.useWatch('periodMode', form) ?? initial.periodMode;
  const occurred = day(Form.useWatch('occurredOn', form) ?? initial.occurredOn);
  const pack = packOn(packs.data, occurred);
  const red = listKind === 'red';

  const save = useIntegrityMutation(async (v: FormValues) => {
    const input = toInput(v);
    if (current) return recordApi.update(current.id, { ...input, version: current.version });
    return recordApi.create({ ...input, ...(prefill ? { sourceEventId: prefill.sourceEventId } : {}) });
  });
  const confirm = useIntegrityMutation(recordApi.confirm);

  const onError = (e: unknown) => {
    if (!applyFieldErrors(form, e, errorText(e))) message.error(errorText(e));
  };
  const submit = async (then?: 'confirm') => {
    const values = await form.validateFields();
    try {
      const saved = await save.mutateAsync(values);
      setCurrent(saved);
      if (then === 'confirm') {
        const done = await confirm.mutateAsync(saved);
        setCurrent(done);
        message.success(t('integrity.page.confirmed'));
      } else message.success(t('integrity.page.saved'));
    } catch (e) {
      onError(e);
    }
  };

  const editing = props.canManage && (current === null || current.status === 'draft');
  const title = current === null ? t('integrity.page.new') : editing ? t('integrity.page.edit') : t('integrity.page.view');
  return (
    <Drawer
      open={props.open}
      onClose={props.onClose}
      title={title}
      size={760}
      destroyOnHidden
      data-testid="integrity-drawer"
      extra={
        editing ? (
          <Space>
            <Button onClick={() => submit()} loading={save.isPending && !confirm.isPending} data-testid="integrity-save">
              {t('integrity.page.save')}
            </Button>
            <Popconfirm
              title={t('integrity.page.confirmAsk')}
              onConfirm={() => {
                void submit('confirm');
              }}
              okText={t('integrity.page.confirm')}
            >
              <Button type="primary" loading={confirm.isPending} data-testid="integrity-confirm">
                {t('integrity.page.confirm')}
              </Button>
            </Popconfirm>
          </Space>
        ) : null
      }
    >
      {!editing && current ? (
        <RecordView record={current} canManage={props.canManage} onChanged={setCurrent} />
      ) : (
        <Form<FormValues> form={form} layout="vertical" initialValues={initial}>
          {prefill ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('integrity.page.fromSuggestion', { title: prefill.projectTitle })}
            />
          ) : null}
          {current && current.warnings.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('integrity.page.warnings')}
              description={<Notes notes={current.warnings} />}
            />
          ) : null}
          <Flex gap={16} wrap>
            <Form.Item name="subjectKind" label={t('integrity.fields.subjectKind')} style={{ minWidth: 160 }}>
              <Radio.Group
                optionType="button"
                options={(['person', 'org'] as const).map((k) => ({ value: k, label: t(`integrity.subjectKinds.${k}`) }))}
                onChange={() => form.setFieldsValue({ subjectId: undefined, subjectName: undefined, subjectUnit: undefined })}
              />
            </Form.Item>
            <Form.Item name="listKind" label={t('integrity.fields.listKind')}>
              <Radio.Group
                optionType="button"
                options={integrityListKinds.map((k) => ({ value: k, label: t(`integrity.listKinds.${k}`) }))}
                data-testid="integrity-list-kind"
              />
            </Form.Item>
          </Flex>
          <Form.Item
            name="subjectId"
            label={t('integrity.fields.subject')}
            rules={[{ required: true }]}
            extra={kind === 'person' ? t('integrity.page.idNote') : null}
          >
            <SubjectSelect
              kind={kind}
              initial={
                prefill && prefill.subjectKind === kind
                  ? prefill
                  : current
                    ? { id: initial.subjectId as number, name: current.subjectName, unit: current.subjectUnit }
                    : undefined
              }
              onChange={(_v, s) => form.setFieldsValue({ subjectName: s.name, ...(kind === 'person' ? { subjectUnit: s.unit } : {}) })}
            />
          </Form.Item>
          <Flex gap={16}>
            <Form.Item name="subjectName" label={t('integrity.fields.subjectName')} style={{ flex: 1 }}>
              <Input maxLength={100} />
            </Form.Item>
            {kind === 'person' ? (
              <Form.Item name="subjectUnit" label={t('integrity.fields.subjectUnit')} style={{ flex: 1 }}>
                <Input maxLength={100} />
              </Form.Item>
            ) : null}
          </Flex>
          {red ? null : (
            <>
              <Flex gap={16}>
                <Form.Item name="misconductType" label={t('integrity.fields.type')} style={{ flex: 2 }}>
                  <Select
                    allowClear
                    options={integrityMisconductTypes.map((k) => ({ value: k, label: t(`integrity.types.${k}`) }))}
                    data-testid="integrity-type"
                  />
                </Form.Item>
                <Form.Item name="severity" label={t('integrity.fields.severity')} style={{ flex: 1 }}>
                  <Select allowClear options={integritySeverities.map((k) => ({ value: k, label: t(`integrity.severities.${k}`) }))} />
                </Form.Item>
              </Flex>
              <Form.Item name="measures" label={t('integrity.fields.measures')}>
                <Select
                  mode="multiple"
                  options={integrityMeasures.map((k) => ({ value: k, label: t(`integrity.measures.${k}`) }))}
                  data-testid="integrity-measures"
                />
              </Form.Item>
              {measures.includes('ban') ? (
                <Form.Item name="banScope" label={t('integrity.fields.banScope')} rules={[{ required: true, type: 'array', min: 1 }]}>
                  <Select
                    mode="multiple"
                    options={integrityActivities.map((k) => ({ value: k, label: t(`integrity.activities.${k}`) }))}
                    data-testid="integrity-scope"
                  />
                </Form.Item>
              ) : null}
            </>
          )}
          <Flex gap={16} wrap>
            <Form.Item name="periodMode" label={t('integrity.fields.periodMode')}>
              <Radio.Group
                optionType="button"
                options={(['years', 'end', 'permanent', 'none'] as const).map((k) => ({
                  value: k,
                  label: t(`integrity.periodModes.${k}`),
                }))}
              />
            </Form.Item>
            {mode === 'none' ? null : (
              <Form.Item name="periodStart" label={t('integrity.fields.periodStart')} rules={[{ required: true }]}>
                <DatePicker data-testid="integrity-period-start" />
              </Form.Item>
            )}
            {mode === 'years' ? (
              <Form.Item name="periodYears" label={t('integrity.fields.periodYears')} rules={[{ required: true }]}>
                <InputNumber<number> min={1} max={50} precision={0} style={{ width: 100 }} data-testid="integrity-period-years" />
              </Form.Item>
            ) : null}
            {mode === 'end' ? (
              <Form.Item name="periodEnd" label={t('integrity.fields.periodEnd')} rules={[{ required: true }]}>
                <DatePicker />
              </Form.Item>
            ) : null}
          </Flex>
          <Flex gap={16} wrap>
            <Form.Item name="docNo" label={t('integrity.fields.docNo')} style={{ flex: 1, minWidth: 200 }}>
              <Input maxLength={80} data-testid="integrity-doc-no" />
            </Form.Item>
            <Form.Item name="issuer" label={t('integrity.fields.issuer')} style={{ flex: 1, minWidth: 200 }}>
              <Input maxLength={100} />
            </Form.Item>
          </Flex>
          <Flex gap={16} wrap>
            <Form.Item name="decidedOn" label={t('integrity.fields.decidedOn')}>
              <DatePicker data-testid="integrity-decided-on" />
            </Form.Item>
            {red ? null : (
              <Form.Item
                name="occurredOn"
                label={t('integrity.fields.occurredOn')}
                extra={pack ? `${t('integrity.fields.pack')}：${pack.name}` : null}
              >
                <DatePicker data-testid="integrity-occurred-on" />
              </Form.Item>
            )}
          </Flex>
          {pack && pack.unverified.length > 0 && !red ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('integrity.page.unverified')}
              description={<Notes notes={pack.unverified} />}
            />
          ) : null}
          <Form.Item name="summary" label={red ? t('integrity.fields.basis') : t('integrity.fields.summary')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      )}
    </Drawer>
  );
}
