import { ipKinds, type TEnterpriseIp, type TIpKind } from '@kechuang/contracts';
import { App, Checkbox, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/error-text.ts';
import { applyFieldErrors } from '../../lib/form-errors.ts';
import type { Tri } from './assess-model.ts';
import { isWanText, wanToFen } from './money.ts';
import { useAddIp } from './registry-api.ts';
import { TriState } from './TriState.tsx';

type Acquisition = NonNullable<TEnterpriseIp['acquisition']>;
type Award = NonNullable<TEnterpriseIp['awards']>[number];
const acquisitions: Acquisition[] = ['own', 'transfer', 'gift', 'merger'];
const awards: Award[] = ['national_st_award', 'china_patent_award'];
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);
const fromTri = (v: Tri | undefined) => (v === 'yes' ? true : v === 'no' ? false : undefined);

interface IpValues {
  number: string;
  kind: TIpKind;
  title?: string;
  grantDate?: Dayjs | null;
  expiryDate?: Dayjs | null;
  acquisition?: Acquisition;
  domestic: boolean;
  owned: boolean;
  usedInPriorHnte: boolean;
  core?: Tri;
  // 高价值发明专利 criteria (国家知识产权局口径)
  filingDate?: Dayjs | null;
  strategicEmergingIndustry?: boolean;
  overseasFamily?: boolean;
  pledgeFinancingWan?: string | null;
  awards?: Award[];
}

export function IpModal({ enterpriseId, open, onClose }: { enterpriseId: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<IpValues>();
  const add = useAddIp(enterpriseId);
  const kind = Form.useWatch('kind', form);
  return (
    <Modal
      open={open}
      title={t('enterprise.registry.records.addIp')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('enterprise.registry.form.save')}
      confirmLoading={add.isPending}
      width={720}
      destroyOnHidden
    >
      <Form<IpValues>
        form={form}
        layout="vertical"
        preserve={false}
        data-testid="ip-form"
        initialValues={{
          kind: 'invention_patent',
          acquisition: 'own',
          domestic: true,
          owned: true,
          usedInPriorHnte: false,
          core: 'unknown',
        }}
        onFinish={(v) => {
          const core = fromTri(v.core);
          add.mutate(
            {
              number: v.number.trim(),
              kind: v.kind,
              ...(v.title?.trim() ? { title: v.title.trim() } : {}),
              ...(day(v.grantDate) ? { grantDate: day(v.grantDate) } : {}),
              ...(day(v.expiryDate) ? { expiryDate: day(v.expiryDate) } : {}),
              ...(v.acquisition ? { acquisition: v.acquisition } : {}),
              domestic: v.domestic,
              owned: v.owned,
              usedInPriorHnte: v.usedInPriorHnte,
              ...(core === undefined ? {} : { coreToMainProduct: core }),
              ...(v.kind === 'invention_patent' ? highValueFields(v) : {}),
            },
            {
              onSuccess: () => {
                message.success(t('enterprise.registry.records.ipSaved'));
                onClose();
              },
              onError: (e) => {
                if (!applyFieldErrors(form, e, errorText(e), { 'enterprise/duplicate_ip': 'number' })) message.error(errorText(e));
              },
            },
          );
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="number"
              label={t('enterprise.registry.records.number')}
              rules={[{ required: true, whitespace: true, message: t('enterprise.registry.form.required') }]}
            >
              <Input maxLength={60} placeholder="ZL2022XXXXXXXX.X" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="kind" label={t('enterprise.assess.ip.kind')} rules={[{ required: true }]}>
              <Select<TIpKind> options={ipKinds.map((k) => ({ value: k, label: t(`enterprise.assess.ip.kinds.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="title" label={t('enterprise.assess.ip.title')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="grantDate" label={t('enterprise.assess.ip.grantDate')} tooltip={t('enterprise.assess.ip.grantDateHint')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="expiryDate" label={t('enterprise.registry.records.expiryDate')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="acquisition" label={t('enterprise.assess.ip.acquisition')}>
              <Select<Acquisition>
                allowClear
                options={acquisitions.map((a) => ({ value: a, label: t(`enterprise.assess.ip.acquisitions.${a}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="core" label={t('enterprise.assess.ip.core')}>
              <TriState />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="domestic" valuePropName="checked" style={{ marginBottom: 0 }}>
              <Checkbox>{t('enterprise.assess.ip.domestic')}</Checkbox>
            </Form.Item>
            <Form.Item name="owned" valuePropName="checked" style={{ marginBottom: 0 }}>
              <Checkbox>{t('enterprise.assess.ip.owned')}</Checkbox>
            </Form.Item>
            <Form.Item name="usedInPriorHnte" valuePropName="checked" style={{ marginBottom: 0 }}>
              <Checkbox>{t('enterprise.assess.ip.usedInPriorHnte')}</Checkbox>
            </Form.Item>
          </Col>
        </Row>
        {kind === 'invention_patent' ? <HighValueFields /> : null}
      </Form>
    </Modal>
  );
}

/** The 高价值发明专利 criteria of an invention patent, as sent (absent = no). */
function highValueFields(v: IpValues) {
  const pledge = wanToFen(v.pledgeFinancingWan);
  return {
    ...(day(v.filingDate) ? { filingDate: day(v.filingDate) } : {}),
    ...(v.strategicEmergingIndustry ? { strategicEmergingIndustry: true } : {}),
    ...(v.overseasFamily ? { overseasFamily: true } : {}),
    ...(pledge !== undefined && pledge > 0 ? { pledgeFinancingFen: pledge } : {}),
    ...(v.awards && v.awards.length > 0 ? { awards: v.awards } : {}),
  };
}

function HighValueFields() {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Text strong>{t('enterprise.registry.records.highValue.title')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('enterprise.registry.records.highValue.hint')}
      </Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={12} md={8}>
          <Form.Item name="filingDate" label={t('enterprise.registry.records.highValue.filingDate')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item
            name="pledgeFinancingWan"
            label={t('enterprise.registry.records.highValue.pledge')}
            rules={[
              {
                validator: (_, value: string | null | undefined) =>
                  value === null || value === undefined || value === '' || isWanText(String(value))
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('enterprise.assess.year.wanInvalid'))),
              },
            ]}
          >
            <InputNumber<string> stringMode min="0" controls={false} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="awards" label={t('enterprise.registry.records.highValue.awards')}>
            <Select<Award[]>
              mode="multiple"
              allowClear
              options={awards.map((a) => ({ value: a, label: t(`enterprise.registry.records.highValue.awardKinds.${a}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="strategicEmergingIndustry" valuePropName="checked" style={{ marginBottom: 0 }}>
            <Checkbox>{t('enterprise.registry.records.highValue.strategic')}</Checkbox>
          </Form.Item>
          <Form.Item name="overseasFamily" valuePropName="checked" style={{ marginBottom: 0 }}>
            <Checkbox>{t('enterprise.registry.records.highValue.overseas')}</Checkbox>
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
