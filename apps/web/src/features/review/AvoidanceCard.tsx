import { maxAvoidanceRequests, type TAvoidance, type TReviewSubjectKind } from '@kechuang/contracts';
import { Alert, App, Button, Card, Form, Input, Popconfirm, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError.tsx';
import { useErrorText } from '../../lib/error-text.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useAvoidances, useReviewMutations } from './review-api.ts';

interface AvoidForm {
  personName?: string;
  orgName?: string;
  reason: string;
}

/**
 * 回避申请 on the applicant's own subject (a project application, a platform 认定 application, a project
 * coming to acceptance): before the panel is drawn the unit names experts or units to keep off it, each with a
 * reason, up to the limit, and may withdraw them; after the draw the server refuses both with its reason.
 */
export function AvoidanceCard({
  subjectKind,
  subjectId,
  editable = true,
}: {
  subjectKind: TReviewSubjectKind;
  subjectId: number;
  editable?: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const list = useAvoidances(subjectId, subjectKind);
  const m = useReviewMutations();
  const [form] = Form.useForm<AvoidForm>();
  const rows = list.data ?? [];
  const full = rows.length >= maxAvoidanceRequests;
  const add = (v: AvoidForm) => {
    const personName = v.personName?.trim() || null;
    const orgName = v.orgName?.trim() || null;
    if (!personName && !orgName) {
      message.error(t('review.avoid.needOne'));
      return;
    }
    m.addAvoidance.mutate(
      { subjectKind, subjectId, personName, orgName, reason: v.reason.trim() },
      {
        onSuccess: () => {
          message.success(t('review.avoid.added'));
          form.resetFields();
        },
        onError: (e) => message.error(errorText(e)),
      },
    );
  };
  return (
    <Card size="small" title={t('review.avoid.title')} data-testid="avoidance-card">
      <Typography.Paragraph type="secondary">{t('review.avoid.hint', { max: maxAvoidanceRequests })}</Typography.Paragraph>
      {list.error ? <QueryError error={list.error} /> : null}
      <Table<TAvoidance>
        rowKey="id"
        size="small"
        pagination={false}
        loading={list.isLoading}
        dataSource={rows}
        locale={{ emptyText: t('review.avoid.empty') }}
        data-testid="avoidance-list"
        columns={[
          { title: t('review.avoid.person'), dataIndex: 'personName', width: 140, render: (v: string | null) => v ?? '—' },
          { title: t('review.avoid.org'), dataIndex: 'orgName', width: 200, render: (v: string | null) => v ?? '—' },
          { title: t('review.avoid.reason'), dataIndex: 'reason' },
          { title: t('review.avoid.at'), dataIndex: 'createdAt', width: 160, render: (v: string) => formatDateTime(v) },
          ...(editable
            ? [
                {
                  title: '',
                  key: 'act',
                  width: 80,
                  render: (_: unknown, a: TAvoidance) => (
                    <Popconfirm
                      title={t('review.avoid.withdrawConfirm')}
                      onConfirm={() =>
                        m.removeAvoidance.mutateAsync(a.id).then(
                          () => message.success(t('review.avoid.withdrawn')),
                          (e) => message.error(errorText(e)),
                        )
                      }
                    >
                      <Button size="small" type="link" danger data-testid="avoidance-withdraw">
                        {t('review.avoid.withdraw')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editable ? (
        full ? (
          <Alert type="info" showIcon style={{ marginTop: 12 }} message={t('review.avoid.full', { max: maxAvoidanceRequests })} />
        ) : (
          <Form<AvoidForm> form={form} layout="inline" onFinish={add} style={{ marginTop: 12, rowGap: 8 }}>
            <Form.Item name="personName" label={t('review.avoid.person')}>
              <Input style={{ width: 140 }} maxLength={50} data-testid="avoid-person" />
            </Form.Item>
            <Form.Item name="orgName" label={t('review.avoid.org')}>
              <Input style={{ width: 200 }} maxLength={200} data-testid="avoid-org" />
            </Form.Item>
            <Form.Item name="reason" label={t('review.avoid.reason')} rules={[{ required: true, whitespace: true }]}>
              <Input style={{ width: 260 }} maxLength={500} data-testid="avoid-reason" />
            </Form.Item>
            <Form.Item>
              <Space>
                <Button htmlType="submit" loading={m.addAvoidance.isPending} data-testid="avoid-add">
                  {t('review.avoid.add')}
                </Button>
              </Space>
            </Form.Item>
          </Form>
        )
      ) : null}
    </Card>
  );
}
