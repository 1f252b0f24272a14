import { ArrowLeftOutlined, CalculatorOutlined, ImportOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useErrorText } from '../../lib/error-text.ts';
import { useCurrentUser } from '../auth/auth-api.ts';
import { AssessBasics, AssessSelfScore } from './AssessBasics.tsx';
import { AssessIp } from './AssessIp.tsx';
import { AssessDirect, AssessRecords } from './AssessRecords.tsx';
import { AssessResult } from './AssessResult.tsx';
import { AssessYears } from './AssessYears.tsx';
import { useAssess } from './assess-api.ts';
import { type AssessFormValues, toAssessBody, windowYears, yearCount } from './assess-model.ts';
import { prefillFromRecord } from './assess-prefill.ts';
import { fetchEnterprise, useEnterprises } from './registry-api.ts';

/** 条件自测: one enterprise's data in, a pre-assessment per rule pack out. Nothing is stored. */
export function AssessPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [params] = useSearchParams();
  const [form] = Form.useForm<AssessFormValues>();
  const assess = useAssess();
  const resultRef = useRef<HTMLDivElement>(null);
  const today = useMemo(() => dayjs(), []);
  const { user } = useCurrentUser();
  const isEnterprise = user.roles.length === 1 && user.roles[0] === 'enterprise';
  const mine = useEnterprises({ page: 1, pageSize: 1 }, isEnterprise);
  const myId = mine.data?.items[0]?.id;

  const initialValues = useMemo<AssessFormValues>(() => {
    const fromUrl = params.get('at');
    const at = fromUrl && /^\d{4}-\d{2}-\d{2}$/.test(fromUrl) && dayjs(fromUrl).isValid() ? dayjs(fromUrl) : today;
    return {
      at,
      residentEnterprise: 'unknown',
      auditBasedTax: 'unknown',
      industryRestricted: 'unknown',
      industryExcludedFromSuperDeduction: 'unknown',
      standardsParticipated: 'unknown',
      provincialRdInstitution: 'unknown',
      hnteCertificate: 'unknown',
      years: Array.from({ length: yearCount }, () => ({})),
      ipItems: [],
      incidents: [],
      nationalAwards: [],
      standardsLed: [],
    };
  }, [params, today]);

  const at = Form.useWatch('at', form);
  const years = windowYears(at ?? initialValues.at, today);

  const run = () => {
    let body: ReturnType<typeof toAssessBody>;
    try {
      body = toAssessBody(form.getFieldsValue(true) as AssessFormValues, today);
    } catch {
      message.error(t('enterprise.assess.invalid'));
      return;
    }
    assess.mutate(body, {
      onSuccess: () => requestAnimationFrame(() => resultRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' })),
    });
  };

  const prefill = async () => {
    if (myId === undefined) return;
    try {
      const record = await fetchEnterprise(myId);
      form.setFieldsValue(prefillFromRecord(record, years));
      message.success(t('enterprise.assess.prefilled', { name: record.name }));
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <div data-testid="page-enterprise-assess">
      <PageHeader
        title={t('enterprise.assess.title')}
        subtitle={t('enterprise.assess.subtitle')}
        extra={
          <>
            {myId !== undefined ? (
              <Button icon={<ImportOutlined />} onClick={prefill} data-testid="assess-prefill">
                {t('enterprise.assess.prefill')}
              </Button>
            ) : null}
            <Link to="/enterprises">
              <Button icon={<ArrowLeftOutlined />}>{t('modules.enterprises.title')}</Button>
            </Link>
          </>
        }
      />
      <Alert
        type="warning"
        showIcon
        title={t('enterprise.assess.notice')}
        description={t('enterprise.assess.noticeDetail')}
        style={{ marginBottom: 16 }}
        data-testid="assess-notice"
      />
      <Form<AssessFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={run}
        onFinishFailed={() => message.error(t('enterprise.assess.invalid'))}
        requiredMark={false}
      >
        <AssessBasics />
        <AssessYears years={years} />
        <AssessIp />
        <AssessRecords />
        <AssessDirect />
        <AssessSelfScore />
        <Card size="small" style={{ position: 'sticky', bottom: 0, zIndex: 5, marginBottom: 16, boxShadow: '0 -2px 8px rgba(0,0,0,0.06)' }}>
          <Flex gap={16} align="center" wrap>
            <Form.Item
              name="at"
              label={t('enterprise.assess.at')}
              tooltip={t('enterprise.assess.atHint')}
              layout="horizontal"
              style={{ margin: 0 }}
            >
              <DatePicker allowClear={false} data-testid="assess-at" />
            </Form.Item>
            <Typography.Text type="secondary">
              {years.map((y) => t('enterprise.assess.year.column', { year: y })).join(' · ')}
            </Typography.Text>
            <Flex gap={8} style={{ marginLeft: 'auto' }}>
              <Button onClick={() => form.resetFields()}>{t('enterprise.assess.reset')}</Button>
              <Button type="primary" htmlType="submit" icon={<CalculatorOutlined />} loading={assess.isPending} data-testid="assess-submit">
                {t('enterprise.assess.submit')}
              </Button>
            </Flex>
          </Flex>
        </Card>
      </Form>
      <div ref={resultRef} style={{ scrollMarginTop: 16 }}>
        {assess.isError ? <QueryError error={assess.error} onRetry={() => form.submit()} /> : null}
        <Card title={t('enterprise.result.title')}>
          <AssessResult result={assess.data} />
        </Card>
      </div>
    </div>
  );
}
