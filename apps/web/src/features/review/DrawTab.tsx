import type { TDrawSummary, TReviewSubjectKind, TVerifyResult } from '@kechuang/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError.tsx';
import { useErrorText } from '../../lib/error-text.ts';
import { formatDateTime } from '../../lib/format.ts';
import { DrawDrawer } from './DrawDrawer.tsx';
import { useDraws, useReviewMutations } from './review-api.ts';
import type { ReviewRoles } from './roles.ts';

interface DrawForm {
  size: number;
  reserves: number;
  disciplinePrefix?: string;
  matchSubjectField: boolean;
  minOutsideCity: number;
  maxPerEmployer?: number | null;
  employerWindowYears: number;
  dates: [Dayjs, Dayjs];
  subjectIds?: number[];
}

/** A subject waiting for its panel, as the draw form offers it. */
export interface WaitingSubject {
  id: number;
  title: string;
}

/**
 * 抽取专家: the constraints, the draw itself, and the batch's draw records with verify and open. The batch is a
 * project call, a platform 认定 round or a project's acceptance (subjectKind); `waiting` lists its subjects
 * still without a panel.
 */
export function DrawTab({
  batchId: callId,
  subjectKind,
  roles,
  waiting,
}: {
  batchId: number;
  subjectKind: TReviewSubjectKind;
  roles: ReviewRoles;
  waiting: WaitingSubject[] | undefined;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<DrawForm>();
  const draws = useDraws(callId, subjectKind);
  const m = useReviewMutations();
  const [open, setOpen] = useState<number | undefined>();
  const [verified, setVerified] = useState<TVerifyResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = (v: DrawForm) => {
    setError(null);
    m.draw.mutate(
      {
        subjectKind,
        batchId: callId,
        ...(v.subjectIds?.length ? { subjectIds: v.subjectIds } : {}),
        constraints: {
          size: v.size,
          reserves: v.reserves,
          disciplinePrefix: v.disciplinePrefix?.trim() || null,
          matchSubjectField: v.matchSubjectField,
          minOutsideCity: v.minOutsideCity,
          maxPerEmployer: v.maxPerEmployer ?? null,
          employerWindowYears: v.employerWindowYears,
          reviewFrom: v.dates[0].format('YYYY-MM-DD'),
          reviewTo: v.dates[1].format('YYYY-MM-DD'),
        },
      },
      {
        onSuccess: (d) => {
          message.success(t('review.draw.done', { n: d.panels, noun: t(`review.nouns.${subjectKind}`) }));
          setOpen(d.id);
        },
        onError: (e) => setError(errorText(e)),
      },
    );
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {roles.manager ? (
        <Card size="small" title={t('review.draw.title')}>
          <Typography.Paragraph type="secondary">{t(`review.draw.hints.${subjectKind}`, { n: waiting?.length ?? 0 })}</Typography.Paragraph>
          <Form<DrawForm>
            form={form}
            layout="inline"
            onFinish={submit}
            initialValues={{
              size: 5,
              reserves: 2,
              matchSubjectField: false,
              minOutsideCity: 0,
              employerWindowYears: 3,
              dates: [dayjs().add(7, 'day'), dayjs().add(8, 'day')],
            }}
            style={{ rowGap: 12 }}
          >
            <Form.Item name="size" label={t('review.draw.size')} rules={[{ required: true }]}>
              <InputNumber min={1} max={25} data-testid="draw-size" />
            </Form.Item>
            <Form.Item name="reserves" label={t('review.draw.reserves')} rules={[{ required: true }]}>
              <InputNumber min={0} max={20} data-testid="draw-reserves" />
            </Form.Item>
            <Form.Item name="disciplinePrefix" label={t('review.draw.discipline')}>
              <Input style={{ width: 110 }} placeholder="520" data-testid="draw-discipline" />
            </Form.Item>
            <Form.Item name="matchSubjectField" valuePropName="checked">
              <Checkbox>{t('review.draw.matchField')}</Checkbox>
            </Form.Item>
            <Form.Item name="minOutsideCity" label={t('review.draw.outside')}>
              <InputNumber min={0} max={25} />
            </Form.Item>
            <Form.Item name="maxPerEmployer" label={t('review.draw.perEmployer')}>
              <InputNumber min={1} max={25} placeholder={t('review.draw.noLimit')} />
            </Form.Item>
            <Form.Item name="employerWindowYears" label={t('review.draw.window')}>
              <InputNumber min={0} max={10} addonAfter={t('review.draw.years')} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name="dates" label={t('review.draw.dates')} rules={[{ required: true }]}>
              <DatePicker.RangePicker format="YYYY-MM-DD" />
            </Form.Item>
            <Form.Item
              name="subjectIds"
              label={t('review.draw.subjects', { noun: t(`review.nouns.${subjectKind}`) })}
              style={{ minWidth: 360 }}
            >
              <Select
                mode="multiple"
                allowClear
                placeholder={t('review.draw.allWaiting', { noun: t(`review.nouns.${subjectKind}`) })}
                options={(waiting ?? []).map((a) => ({ value: a.id, label: `#${a.id} ${a.title}` }))}
                data-testid="draw-subjects"
              />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={m.draw.isPending} data-testid="draw-submit">
                {t('review.draw.submit')}
              </Button>
            </Form.Item>
          </Form>
          {error ? <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} data-testid="draw-error" /> : null}
        </Card>
      ) : null}
      <Card size="small" title={t('review.draw.records')}>
        {draws.error ? <QueryError error={draws.error} /> : null}
        <Table<TDrawSummary>
          rowKey="id"
          size="small"
          loading={draws.isLoading}
          dataSource={draws.data ?? []}
          pagination={false}
          scroll={{ x: 860 }}
          data-testid="draw-records"
          columns={[
            { title: t('review.draw.no'), dataIndex: 'id', width: 70 },
            { title: t('review.draw.at'), key: 'at', width: 160, render: (_, d) => formatDateTime(d.drawnAt) },
            { title: t('review.draw.operator'), dataIndex: 'operator', width: 100 },
            { title: t('review.draw.panels'), dataIndex: 'panels', width: 90 },
            { title: t('review.draw.pool'), dataIndex: 'poolSize', width: 90 },
            {
              title: t('review.draw.seed'),
              key: 'seed',
              render: (_, d) => <Typography.Text code>{d.seed.slice(0, 12)}…</Typography.Text>,
            },
            {
              title: t('review.draw.state'),
              key: 'state',
              width: 110,
              render: (_, d) =>
                d.opened ? <Tag color="green">{t('review.draw.opened')}</Tag> : <Tag color="gold">{t('review.draw.sealed')}</Tag>,
            },
            {
              title: t('review.common.actions'),
              key: 'actions',
              width: 260,
              render: (_, d) => (
                <Space size={4}>
                  <Button size="small" type="link" onClick={() => setOpen(d.id)} data-testid="draw-view">
                    {t('review.draw.view')}
                  </Button>
                  <Button
                    size="small"
                    type="link"
                    loading={m.verify.isPending}
                    data-testid="draw-verify"
                    onClick={() => m.verify.mutate(d.id, { onSuccess: setVerified, onError: (e) => message.error(errorText(e)) })}
                  >
                    {t('review.draw.verify')}
                  </Button>
                  {roles.manager && !d.opened ? (
                    <Popconfirm
                      title={t('review.draw.openConfirm')}
                      onConfirm={() =>
                        m.open.mutateAsync(d.id).then(
                          () => message.success(t('review.draw.openDone')),
                          (e) => message.error(errorText(e)),
                        )
                      }
                    >
                      <Button size="small" type="link" data-testid="draw-open">
                        {t('review.draw.open')}
                      </Button>
                    </Popconfirm>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
        {verified ? <VerifyResult result={verified} onClose={() => setVerified(null)} /> : null}
      </Card>
      <DrawDrawer id={open} onClose={() => setOpen(undefined)} />
    </Space>
  );
}

function VerifyResult({ result, onClose }: { result: TVerifyResult; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" style={{ width: '100%', marginTop: 12 }} data-testid="verify-result">
      <Alert
        closable
        onClose={onClose}
        type={result.samePanels ? 'success' : 'error'}
        showIcon
        message={result.samePanels ? t('review.verify.same', { id: result.drawId }) : t('review.verify.different', { id: result.drawId })}
        description={
          <span>
            {t('review.verify.sha')} <Typography.Text code>{result.snapshotSha256}</Typography.Text>
          </span>
        }
      />
      <Alert
        type={result.poolChanged ? 'warning' : 'info'}
        showIcon
        message={result.poolChanged ? t('review.verify.poolChanged', { n: result.poolChanges.length }) : t('review.verify.poolSame')}
        description={
          result.poolChanged
            ? result.poolChanges
                .slice(0, 20)
                .map((c) =>
                  t(`review.verify.change.${c.change}`, {
                    id: c.expertId,
                    fields: c.fields.map((f) => t(`review.verify.fields.${f as 'name'}`, { defaultValue: f })).join('、'),
                  }),
                )
                .join('；')
            : undefined
        }
      />
    </Space>
  );
}
