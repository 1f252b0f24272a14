import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { expertRelationKinds, type TExpert, type TExpertRelationKind } from '@kechuang/contracts';
import { App, Button, Card, DatePicker, Empty, Form, Input, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/error-text.ts';
import { applyFieldErrors } from '../../lib/form-errors.ts';
import { expertApi, useExpertMutation } from './expert-api.ts';

/*
 * What an expert declares for the conflict rules of the draw (domain-rules §6.2): relations with people or
 * units (近亲属, 师生, 合作申报, 持股 …) and the dates on which they cannot review. Each list is saved whole.
 */

export interface RelationRow {
  id?: number;
  kind: TExpertRelationKind;
  personName?: string | null;
  idNumber?: string;
  idLast4?: string | null;
  orgName?: string | null;
  note?: string;
  fromDate?: Dayjs | null;
  toDate?: Dayjs | null;
}

const day = (s: string | null) => (s ? dayjs(s) : null);
const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

export function RelationsCard({ e }: { e: TExpert }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ relations: RelationRow[] }>();
  const save = useExpertMutation((rows: RelationRow[]) => expertApi.saveRelations(e.version, rows.map(relationInput)));
  const initial: RelationRow[] = e.relations.map(relationRow);
  return (
    <Card
      title={t('expert.fields.relations')}
      style={{ marginBottom: 16 }}
      data-testid="expert-relations-card"
      extra={
        <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="expert-relations-save">
          {t('common.actions.save')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('expert.me.relationsHint')}</Typography.Paragraph>
      <Form
        form={form}
        key={e.version}
        initialValues={{ relations: initial }}
        onFinish={(v) =>
          save.mutate(v.relations ?? [], {
            onSuccess: () => message.success(t('common.saved')),
            onError: (err) => {
              const text = errorText(err);
              if (!applyFieldErrors(form, err, text)) message.error(text);
            },
          })
        }
      >
        <RelationRows name="relations" />
      </Form>
    </Card>
  );
}

/**
 * The rows of declared relations (kind, person with an optional identity number, unit, note, dates) inside a
 * form, under `name`: the expert's own card and the bureau's entry form both use it.
 */
export function RelationRows({ name }: { name: string | (string | number)[] }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const path = Array.isArray(name) ? name : [name];
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          {fields.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('expert.noRelations')} /> : null}
          {fields.map((f) => {
            const last4 = form.getFieldValue([...path, f.name, 'idLast4']) as string | null | undefined;
            return (
              <Space key={f.key} align="baseline" wrap style={{ display: 'flex', marginBottom: 4 }} data-testid="relation-row">
                <Form.Item
                  name={[f.name, 'kind']}
                  rules={[{ required: true, message: t('expert.form.required') }]}
                  style={{ marginBottom: 8 }}
                >
                  <Select
                    style={{ width: 110 }}
                    placeholder={t('expert.fields.relationKind')}
                    options={expertRelationKinds.map((k) => ({ value: k, label: t(`expert.relationKinds.${k}`) }))}
                    data-testid="relation-kind"
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'personName']} style={{ marginBottom: 8 }}>
                  <Input placeholder={t('expert.fields.personName')} style={{ width: 120 }} maxLength={50} data-testid="relation-person" />
                </Form.Item>
                <Form.Item name={[f.name, 'idNumber']} style={{ marginBottom: 8 }}>
                  <Input
                    placeholder={last4 ? t('expert.form.idKeptShort', { last4 }) : t('expert.fields.personIdNumber')}
                    style={{ width: 190 }}
                    maxLength={18}
                    autoComplete="off"
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'orgName']} style={{ marginBottom: 8 }}>
                  <Input placeholder={t('expert.fields.relationOrg')} style={{ width: 200 }} maxLength={100} />
                </Form.Item>
                <Form.Item name={[f.name, 'note']} style={{ marginBottom: 8 }}>
                  <Input placeholder={t('expert.fields.note')} style={{ width: 140 }} maxLength={200} />
                </Form.Item>
                <Form.Item name={[f.name, 'fromDate']} style={{ marginBottom: 8 }}>
                  <DatePicker placeholder={t('expert.fields.fromDate')} style={{ width: 130 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'toDate']} style={{ marginBottom: 8 }}>
                  <DatePicker placeholder={t('expert.fields.toDate')} style={{ width: 130 }} />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(f.name)} aria-label={t('expert.form.removeRow')} />
              </Space>
            );
          })}
          <Button type="dashed" onClick={() => add({ kind: undefined })} icon={<PlusOutlined />} data-testid="relation-add">
            {t('expert.me.addRelation')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/** A relation row from the entry, for the form. */
export function relationRow(r: TExpert['relations'][number]): RelationRow {
  return {
    id: r.id,
    kind: r.kind,
    personName: r.personName,
    idLast4: r.personIdLast4,
    orgName: r.orgName,
    note: r.note,
    fromDate: day(r.fromDate),
    toDate: day(r.toDate),
  };
}

/** A relation row as the API takes it (an identity number only when typed again). */
export function relationInput(r: RelationRow) {
  return {
    ...(r.id !== undefined ? { id: r.id } : {}),
    kind: r.kind,
    personName: r.personName?.trim() || null,
    ...(r.idNumber?.trim() ? { idNumber: r.idNumber.trim() } : {}),
    orgName: r.orgName?.trim() || null,
    note: r.note?.trim() ?? '',
    fromDate: iso(r.fromDate),
    toDate: iso(r.toDate),
  };
}

interface PeriodRow {
  range: [Dayjs, Dayjs] | null;
  note?: string;
}

export function UnavailableCard({ e }: { e: TExpert }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ periods: PeriodRow[] }>();
  const save = useExpertMutation((rows: PeriodRow[]) =>
    expertApi.saveUnavailable(
      e.version,
      rows
        .filter((r) => r.range)
        .map((r) => ({
          fromDate: (r.range as [Dayjs, Dayjs])[0].format('YYYY-MM-DD'),
          toDate: (r.range as [Dayjs, Dayjs])[1].format('YYYY-MM-DD'),
          note: r.note?.trim() ?? '',
        })),
    ),
  );
  const initial: PeriodRow[] = e.unavailable.map((u) => ({ range: [dayjs(u.fromDate), dayjs(u.toDate)], note: u.note }));
  return (
    <Card
      title={t('expert.fields.unavailable')}
      style={{ marginBottom: 16 }}
      data-testid="expert-unavailable-card"
      extra={
        <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="expert-unavailable-save">
          {t('common.actions.save')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('expert.me.unavailableHint')}</Typography.Paragraph>
      <Form
        form={form}
        key={e.version}
        initialValues={{ periods: initial }}
        onFinish={(v) =>
          save.mutate(v.periods ?? [], {
            onSuccess: () => message.success(t('common.saved')),
            onError: (err) => {
              const text = errorText(err);
              if (!applyFieldErrors(form, err, text)) message.error(text);
            },
          })
        }
      >
        <Form.List name="periods">
          {(fields, { add, remove }) => (
            <>
              {fields.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('expert.noUnavailable')} /> : null}
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap style={{ display: 'flex', marginBottom: 4 }} data-testid="unavailable-row">
                  <Form.Item
                    name={[f.name, 'range']}
                    rules={[{ required: true, message: t('expert.form.required') }]}
                    style={{ marginBottom: 8 }}
                  >
                    <DatePicker.RangePicker data-testid="unavailable-range" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'note']} style={{ marginBottom: 8 }}>
                    <Input placeholder={t('expert.fields.note')} style={{ width: 240 }} maxLength={200} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} aria-label={t('expert.form.removeRow')} />
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ range: null, note: '' })} icon={<PlusOutlined />} data-testid="unavailable-add">
                {t('expert.me.addUnavailable')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Card>
  );
}
