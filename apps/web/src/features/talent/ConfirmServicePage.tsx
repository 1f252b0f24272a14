import { CheckCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import type { TServiceConfirmView } from '@kechuang/contracts';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Layout, Popconfirm, Result, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../../lib/api.ts';
import { useErrorText } from '../../lib/error-text.ts';
import { useConfirmation } from './talent-api.ts';

/**
 * The 服务对象's confirmation (public, no sign-in), opened from the link or QR code the 特派员 hands over: the one
 * service, then 确认属实 or 有异议 with the reason, answered once. Made for a phone: one column, large controls.
 */
export function ConfirmServicePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const query = useConfirmation(token);
  const [answered, setAnswered] = useState<TServiceConfirmView | null>(null);
  const view = answered ?? query.data;
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f7fa' }} data-testid="page-service-confirm">
      <Flex vertical gap={12} style={{ width: '100%', maxWidth: 520, margin: '0 auto', padding: '16px 12px 32px' }}>
        <Typography.Title level={4} style={{ margin: '4px 0' }}>
          {t('talent.public.title')}
        </Typography.Title>
        {query.isPending ? <Spin style={{ margin: 48 }} /> : null}
        {query.isError ? <Result status="warning" title={t('talent.public.invalid')} data-testid="confirm-invalid" /> : null}
        {view ? <Summary view={view} /> : null}
        {view && view.status === 'pending' && !answered ? <AnswerForm token={token} onDone={setAnswered} /> : null}
        {view && view.status !== 'pending' ? <Outcome view={view} fresh={answered !== null} /> : null}
        {view ? (
          <Typography.Text type="secondary" style={{ textAlign: 'center', fontSize: 12 }}>
            {t('talent.public.footer')}
          </Typography.Text>
        ) : null}
      </Flex>
    </Layout>
  );
}

function Summary({ view }: { view: TServiceConfirmView }) {
  const { t } = useTranslation();
  return (
    <Card size="small" data-testid="confirm-summary">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {t('talent.public.intro')}
      </Typography.Paragraph>
      <Descriptions column={1} size="small" styles={{ label: { width: 84 } }}>
        <Descriptions.Item label={t('talent.public.to')}>{view.targetName}</Descriptions.Item>
        <Descriptions.Item label={t('talent.public.by')}>{view.commissionerName}</Descriptions.Item>
        <Descriptions.Item label={t('talent.public.served')}>{view.servedOn}</Descriptions.Item>
        <Descriptions.Item label={t('talent.fields.kind')}>{t(`talent.serviceKinds.${view.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('talent.fields.content')}>{view.content}</Descriptions.Item>
        {view.photos > 0 ? (
          <Descriptions.Item label={t('talent.fields.photo')}>{t('talent.public.photos', { n: view.photos })}</Descriptions.Item>
        ) : null}
      </Descriptions>
    </Card>
  );
}

interface AnswerValues {
  name: string;
  note?: string;
}

function AnswerForm({ token, onDone }: { token: string; onDone: (v: TServiceConfirmView) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<AnswerValues>();
  const [disputing, setDisputing] = useState(false);
  const [pending, setPending] = useState(false);
  const send = async (result: 'confirmed' | 'disputed') => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setPending(true);
    try {
      onDone(
        await api.post<TServiceConfirmView>(
          `/api/public/service-confirmations/${encodeURIComponent(token)}`,
          { result, name: v.name, note: result === 'disputed' ? (v.note ?? '') : '' },
          { quiet: true },
        ),
      );
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setPending(false);
    }
  };
  return (
    <Card size="small">
      <Form form={form} layout="vertical" size="large">
        <Form.Item name="name" label={t('talent.public.name')} rules={[{ required: true, max: 50 }]}>
          <Input placeholder={t('talent.public.namePlaceholder')} data-testid="confirm-name" autoComplete="name" />
        </Form.Item>
        {disputing ? (
          <Form.Item name="note" label={t('talent.public.note')} rules={[{ required: true, min: 2, max: 500 }]}>
            <Input.TextArea rows={3} placeholder={t('talent.public.notePlaceholder')} data-testid="confirm-note" />
          </Form.Item>
        ) : null}
        {disputing ? (
          <Flex vertical gap={8}>
            <Popconfirm title={t('talent.confirm.answer')} onConfirm={() => send('disputed')}>
              <Button danger type="primary" block loading={pending} data-testid="confirm-dispute-send">
                {t('talent.actions.dispute')}
              </Button>
            </Popconfirm>
            <Button block onClick={() => setDisputing(false)}>
              {t('talent.actions.cancel')}
            </Button>
          </Flex>
        ) : (
          <Flex vertical gap={8}>
            <Popconfirm title={t('talent.confirm.answer')} onConfirm={() => send('confirmed')}>
              <Button type="primary" block loading={pending} data-testid="confirm-yes">
                {t('talent.actions.confirm')}
              </Button>
            </Popconfirm>
            <Button block danger onClick={() => setDisputing(true)} data-testid="confirm-dispute">
              {t('talent.actions.dispute')}
            </Button>
          </Flex>
        )}
      </Form>
    </Card>
  );
}

function Outcome({ view, fresh }: { view: TServiceConfirmView; fresh: boolean }) {
  const { t } = useTranslation();
  const confirmed = view.status === 'confirmed';
  const at = view.confirmedAt ? new Date(view.confirmedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '';
  if (!fresh)
    return <Alert type="info" showIcon data-testid="confirm-done" message={t('talent.public.answered', { name: view.confirmedBy, at })} />;
  return (
    <Result
      data-testid="confirm-done"
      icon={confirmed ? <CheckCircleFilled style={{ color: '#52c41a' }} /> : <ExclamationCircleFilled style={{ color: '#faad14' }} />}
      title={confirmed ? t('talent.public.doneConfirmed') : t('talent.public.doneDisputed')}
    />
  );
}
