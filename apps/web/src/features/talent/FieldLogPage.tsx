import { CameraOutlined, CheckCircleFilled, ClockCircleOutlined, CopyOutlined, ExclamationCircleFilled } from '@ant-design/icons';
import { serviceKinds, type TServiceLog } from '@kechuang/contracts';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, QRCode, Select, Tag, Typography, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { api, uploadBytes } from '../../lib/api.ts';
import { bureauDay } from '../../lib/bureau-date.ts';
import { useErrorText } from '../../lib/error-text.ts';
import { useMyCommission, useTalentMutation } from './talent-api.ts';

/** The confirmation link the 服务对象 opens (no sign-in): shown, copied, or scanned as a QR code. */
export const confirmLink = (token: string) => `${window.location.origin}/service-confirm/${token}`;

function ConfirmLink({ token }: { token: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const link = confirmLink(token);
  return (
    <Flex vertical gap={8} align="center" data-testid="field-link">
      <QRCode value={link} size={168} bordered={false} />
      <Typography.Text copyable={false} style={{ wordBreak: 'break-all', fontSize: 12 }} data-testid="field-link-url">
        {link}
      </Typography.Text>
      <Button
        icon={<CopyOutlined />}
        onClick={() =>
          navigator.clipboard
            ?.writeText(link)
            .then(() => message.success(t('talent.hints.copied')))
            .catch(() => {})
        }
      >
        {t('talent.actions.copyLink')}
      </Button>
    </Flex>
  );
}

interface LogForm {
  targetId: number;
  servedOn: Dayjs;
  kind: string;
  content: string;
}

/**
 * The 特派员's own log, made for a phone in a field: one column, large controls, a photo from the camera, and the
 * code the 服务对象 confirms with shown right after saving.
 */
export function FieldLogPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const mine = useMyCommission();
  const [form] = Form.useForm<LogForm>();
  const [last, setLast] = useState<TServiceLog | null>(null);
  const save = useTalentMutation((v: LogForm) =>
    api.post<TServiceLog>('/api/talent/service-logs', {
      targetId: v.targetId,
      servedOn: v.servedOn.format('YYYY-MM-DD'),
      kind: v.kind,
      content: v.content,
    }),
  );
  const photo = useTalentMutation((v: { id: number; file: File }) =>
    uploadBytes<TServiceLog>(`/api/talent/service-logs/${v.id}/photos`, v.file, { query: { filename: v.file.name } }),
  );
  if (mine.isError) return <QueryError error={mine.error} onRetry={() => mine.refetch()} />;
  if (mine.isPending) return <FullPageSpin />;
  if (!mine.data) return <Alert type="info" showIcon message={t('talent.hints.notCommissioner')} />;
  const { commissioner, logs } = mine.data;
  return (
    <Flex vertical gap={12} style={{ maxWidth: 560, margin: '0 auto' }} data-testid="field-log">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('talent.tabs.field')}
      </Typography.Title>
      <Typography.Text type="secondary">
        {commissioner.name} · {commissioner.year} · {t('talent.fields.logs')} {commissioner.logCount}（{t('talent.fields.confirmed')}{' '}
        {commissioner.confirmedCount}）
      </Typography.Text>
      <Card size="small" title={t('talent.actions.log')}>
        <Form
          form={form}
          layout="vertical"
          size="large"
          initialValues={{ servedOn: bureauDay(), kind: 'guidance' }}
          onFinish={(v) =>
            save.mutate(v, {
              onSuccess: (log) => {
                setLast(log);
                form.resetFields(['content']);
                message.success(t('talent.hints.saved'));
              },
              onError: (e) => message.error(errorText(e)),
            })
          }
        >
          <Form.Item name="targetId" label={t('talent.fields.target')} rules={[{ required: true }]}>
            <Select
              data-testid="field-target"
              options={commissioner.targets.map((x) => ({ value: x.id, label: `${x.name}（${t(`talent.targetKinds.${x.kind}`)}）` }))}
            />
          </Form.Item>
          <Flex gap={12} wrap>
            <Form.Item name="servedOn" label={t('talent.fields.servedOn')} rules={[{ required: true }]} style={{ flex: '1 1 180px' }}>
              <DatePicker style={{ width: '100%' }} inputReadOnly />
            </Form.Item>
            <Form.Item name="kind" label={t('talent.fields.kind')} rules={[{ required: true }]} style={{ flex: '1 1 140px' }}>
              <Select options={serviceKinds.map((k) => ({ value: k, label: t(`talent.serviceKinds.${k}`) }))} />
            </Form.Item>
          </Flex>
          <Form.Item name="content" label={t('talent.fields.content')} rules={[{ required: true, min: 5, max: 2000 }]}>
            <Input.TextArea rows={4} data-testid="field-content" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={save.isPending} data-testid="field-submit">
            {t('talent.actions.save')}
          </Button>
        </Form>
      </Card>
      {last ? (
        <Alert
          type="success"
          showIcon
          data-testid="field-code"
          message={t('talent.hints.code')}
          description={
            <Flex vertical gap={12}>
              {last.confirmToken ? <ConfirmLink token={last.confirmToken} /> : null}
              <Upload
                accept="image/*"
                capture="environment"
                showUploadList={false}
                beforeUpload={(file) => {
                  photo.mutate({ id: last.id, file }, { onSuccess: (l) => setLast(l), onError: (e) => message.error(errorText(e)) });
                  return false;
                }}
              >
                <Button icon={<CameraOutlined />} loading={photo.isPending} data-testid="field-photo" block>
                  {t('talent.actions.photo')}
                  {last.photos > 0 ? `（${last.photos}）` : ''}
                </Button>
              </Upload>
            </Flex>
          }
        />
      ) : null}
      {logs.map((l) => (
        <Card key={l.id} size="small" data-testid={`field-log-${l.id}`}>
          <Flex justify="space-between" wrap gap={8}>
            <Typography.Text strong>{l.targetName}</Typography.Text>
            <Tag>{t(`talent.serviceKinds.${l.kind}`)}</Tag>
          </Flex>
          <Typography.Paragraph style={{ margin: '4px 0' }}>{l.content}</Typography.Paragraph>
          <Flex justify="space-between" wrap gap={8}>
            <Typography.Text type="secondary">{l.servedOn}</Typography.Text>
            {l.confirmStatus === 'confirmed' ? (
              <Typography.Text type="success">
                <CheckCircleFilled /> {t('talent.hints.confirmed', { name: l.confirmedBy })}
              </Typography.Text>
            ) : l.confirmStatus === 'disputed' ? (
              <Typography.Text type="danger">
                <ExclamationCircleFilled /> {t('talent.hints.disputed', { name: l.confirmedBy, note: l.confirmNote ?? '' })}
              </Typography.Text>
            ) : (
              <Typography.Text type="warning">
                <ClockCircleOutlined /> {t('talent.hints.unconfirmed')}
              </Typography.Text>
            )}
          </Flex>
          {l.confirmToken && l.id !== last?.id ? (
            <Typography.Link style={{ fontSize: 12 }} onClick={() => setLast(l)} data-testid={`field-show-link-${l.id}`}>
              {t('talent.actions.copyLink')} / QR
            </Typography.Link>
          ) : null}
        </Card>
      ))}
    </Flex>
  );
}
