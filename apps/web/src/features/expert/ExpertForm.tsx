import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { TExpert, TExpertInputBody } from '@kechuang/contracts';
import { Button, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { RegionPicker } from '../../components/RegionPicker.tsx';
import { CodePicker } from './CodeTags.tsx';
import { type RelationRow, RelationRows, relationInput, relationRow } from './MyDeclarations.tsx';

/*
 * The expert's profile as a form, shared by the bureau's entry drawer (with the quota and the linked account)
 * and the expert's own page. Employers are a list: an empty end date marks the current one.
 */

export interface ExpertFormValues {
  name: string;
  idNumber?: string;
  gender: 'male' | 'female' | null;
  title: string | null;
  phone: string | null;
  email: string | null;
  regionCode: string;
  disciplineCodes: string[];
  industryCodes: string[];
  specialty: string;
  employments: { orgName: string; fromDate: Dayjs | null; toDate: Dayjs | null }[];
  yearlyQuota?: number;
  username?: string | null;
  /** the declared relations (近亲属, 师生, 合作申报, 持股 …): the bureau edits them on an existing entry */
  relations?: RelationRow[];
}

const day = (s: string | null) => (s ? dayjs(s) : null);
const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

export function toFormValues(e: TExpert | null, regionCode: string): ExpertFormValues {
  if (!e)
    return {
      name: '',
      gender: null,
      title: null,
      phone: null,
      email: null,
      regionCode,
      disciplineCodes: [],
      industryCodes: [],
      specialty: '',
      employments: [{ orgName: '', fromDate: null, toDate: null }],
      yearlyQuota: 20,
      username: null,
    };
  return {
    name: e.name,
    gender: e.gender,
    title: e.title,
    phone: e.phone,
    email: e.email,
    regionCode: e.regionCode,
    disciplineCodes: e.disciplineCodes,
    industryCodes: e.industryCodes,
    specialty: e.specialty,
    employments: e.employments.map((x) => ({ orgName: x.orgName, fromDate: day(x.fromDate), toDate: day(x.toDate) })),
    yearlyQuota: e.yearlyQuota,
    username: e.username,
    relations: e.relations.map(relationRow),
  };
}

/** The body the API takes; the bureau's fields only when the form shows them. */
export function toInput(v: ExpertFormValues, bureau: boolean): TExpertInputBody {
  return {
    name: v.name,
    ...(v.idNumber?.trim() ? { idNumber: v.idNumber.trim() } : {}),
    gender: v.gender ?? null,
    title: v.title || null,
    phone: v.phone || null,
    email: v.email || null,
    regionCode: v.regionCode,
    disciplineCodes: v.disciplineCodes ?? [],
    industryCodes: v.industryCodes ?? [],
    specialty: v.specialty ?? '',
    employments: (v.employments ?? []).map((x) => ({ orgName: x.orgName, fromDate: iso(x.fromDate), toDate: iso(x.toDate) })),
    ...(bureau ? { yearlyQuota: v.yearlyQuota ?? 20, username: v.username || null } : {}),
    ...(bureau && v.relations ? { relations: v.relations.map(relationInput) } : {}),
  };
}

export function ExpertFields({
  bureau,
  idLast4,
  regionLocked,
  relations = false,
}: {
  bureau: boolean;
  idLast4: string | null;
  regionLocked: boolean;
  /** show the declared relations (the bureau's edit form) */
  relations?: boolean;
}) {
  const { t } = useTranslation();
  const required = { required: true, message: t('expert.form.required') };
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="name" label={t('expert.fields.name')} rules={[required]}>
            <Input maxLength={50} data-testid="expert-form-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="idNumber"
            label={t('expert.fields.idNumber')}
            extra={idLast4 ? t('expert.form.idKept', { last4: idLast4 }) : t('expert.form.idHint')}
          >
            <Input maxLength={18} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item name="gender" label={t('expert.fields.gender')}>
            <Select
              allowClear
              options={[
                { value: 'male', label: t('expert.gender.male') },
                { value: 'female', label: t('expert.gender.female') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item name="title" label={t('expert.fields.title')}>
            <Input maxLength={50} placeholder={t('expert.form.titleHint')} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="phone" label={t('expert.fields.phone')}>
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="email" label={t('expert.fields.email')} rules={[{ type: 'email', message: t('expert.form.badEmail') }]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="regionCode"
            label={t('expert.fields.region')}
            rules={[required]}
            extra={regionLocked ? t('expert.form.regionLocked') : t('expert.form.regionHint')}
          >
            <RegionPicker disabled={regionLocked} allowClear={false} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="disciplineCodes" label={t('expert.fields.disciplines')} rules={[{ ...required, type: 'array', min: 1 }]}>
            <CodePicker kind="discipline" multiple placeholder={t('expert.form.codesHint')} data-testid="expert-form-disciplines" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="industryCodes" label={t('expert.fields.industries')}>
            <CodePicker kind="industry" multiple placeholder={t('expert.form.codesHint')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="specialty" label={t('expert.fields.specialty')}>
        <Input.TextArea rows={2} maxLength={500} showCount />
      </Form.Item>
      <Typography.Text strong>{t('expert.fields.employments')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('expert.form.employmentsHint')}
      </Typography.Paragraph>
      <Form.List name="employments">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" wrap style={{ display: 'flex', marginBottom: 4 }}>
                <Form.Item name={[f.name, 'orgName']} rules={[required]} style={{ marginBottom: 8 }}>
                  <Input placeholder={t('expert.fields.orgName')} style={{ width: 260 }} maxLength={100} data-testid="expert-form-org" />
                </Form.Item>
                <Form.Item name={[f.name, 'fromDate']} style={{ marginBottom: 8 }}>
                  <DatePicker placeholder={t('expert.fields.fromDate')} style={{ width: 150 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'toDate']} style={{ marginBottom: 8 }}>
                  <DatePicker placeholder={t('expert.form.toDateCurrent')} style={{ width: 170 }} />
                </Form.Item>
                {fields.length > 1 ? <MinusCircleOutlined onClick={() => remove(f.name)} aria-label={t('expert.form.removeRow')} /> : null}
              </Space>
            ))}
            <Button type="dashed" onClick={() => add({ orgName: '', fromDate: null, toDate: null })} icon={<PlusOutlined />}>
              {t('expert.form.addEmployment')}
            </Button>
          </>
        )}
      </Form.List>
      {bureau ? (
        <Row gutter={16} style={{ marginTop: 16 }}>
          <Col xs={24} md={8}>
            <Form.Item name="yearlyQuota" label={t('expert.fields.quota')} extra={t('expert.form.quotaHint')}>
              <InputNumber min={0} max={200} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="username" label={t('expert.fields.account')} extra={t('expert.form.accountHint')}>
              <Input maxLength={50} allowClear />
            </Form.Item>
          </Col>
        </Row>
      ) : null}
      {relations ? (
        <div data-testid="expert-form-relations">
          <Typography.Title level={5} style={{ marginTop: 8 }}>
            {t('expert.fields.relations')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('expert.me.relationsHint')}</Typography.Paragraph>
          <RelationRows name="relations" />
        </div>
      ) : null}
    </>
  );
}
