import type { TScoreInput } from '@kechuang/contracts';
import { Alert, App, Button, Card, Checkbox, Descriptions, Drawer, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageSkeleton } from '../../components/PageSkeleton.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useErrorText } from '../../lib/error-text.ts';
import { wanText } from '../project/wan.ts';
import { DeclareButtons } from './DeclareButtons.tsx';
import { useAssignmentSubject, useReviewMutations } from './review-api.ts';

interface SheetForm {
  scores: Record<string, number | null>;
  comments: Record<string, string>;
  opinion: string;
  veto: boolean;
}

/**
 * The application as the reviewer reads it (blind mode hides the applicant) and the score sheet of the batch's
 * rubric. The expert fills it online; at a meeting review the secretary enters it for the named expert.
 */
export function ScoreDrawer(props: {
  assignmentId: number | undefined;
  status?: string;
  expertName?: string;
  /** a meeting review's expert reads; the secretary enters the scores */
  readOnly?: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const declared = props.status !== 'invited';
  const subject = useAssignmentSubject(declared ? props.assignmentId : undefined);
  const m = useReviewMutations();
  const [form] = Form.useForm<SheetForm>();
  const s = subject.data;
  const submit = (v: SheetForm) => {
    const body: TScoreInput = {
      scores: Object.fromEntries(Object.entries(v.scores).map(([k, x]) => [k, x === null || x === undefined ? '' : String(x)])),
      comments: Object.fromEntries(Object.entries(v.comments ?? {}).filter(([, x]) => (x ?? '').trim() !== '')),
      opinion: v.opinion ?? '',
      veto: v.veto ?? false,
    };
    m.score.mutate(
      { id: props.assignmentId as number, body },
      {
        onSuccess: (r) => {
          message.success(t('review.score.saved', { total: r.total }));
          props.onClose();
        },
        onError: (e) => message.error(errorText(e)),
      },
    );
  };
  return (
    <Drawer
      open={props.assignmentId !== undefined}
      onClose={props.onClose}
      width={860}
      destroyOnHidden
      title={props.expertName ? t('review.score.titleFor', { name: props.expertName }) : t('review.score.title')}
    >
      {!declared ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert type="info" showIcon message={t('review.declare.needed')} />
          <DeclareButtons assignmentId={props.assignmentId as number} onDone={props.onClose} />
        </Space>
      ) : subject.error ? (
        <QueryError error={subject.error} />
      ) : !s ? (
        <PageSkeleton />
      ) : (
        <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="review-subject">
          {s.blind ? <Alert type="warning" showIcon message={t('review.score.blind')} /> : null}
          <Descriptions size="small" bordered column={2} title={s.title}>
            <Descriptions.Item label={t('review.score.org')}>{s.orgName ?? (s.blind ? t('review.score.hidden') : '—')}</Descriptions.Item>
            <Descriptions.Item label={t('review.score.leader')}>
              {s.leaderName ?? (s.blind ? t('review.score.hidden') : '—')}
            </Descriptions.Item>
            <Descriptions.Item label={t('review.score.field')}>{s.fieldCode ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('review.score.direction')}>{s.direction ?? '—'}</Descriptions.Item>
            {s.subjectKind === 'platform_application' ? null : (
              <>
                <Descriptions.Item label={s.subjectKind === 'acceptance' ? t('review.score.granted') : t('review.score.fiscal')}>
                  {wanText(s.fiscalFen)}
                </Descriptions.Item>
                <Descriptions.Item label={t('review.score.self')}>{wanText(s.selfFen)}</Descriptions.Item>
                <Descriptions.Item label={t('review.score.summary')} span={2}>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{s.summary ?? '—'}</Typography.Paragraph>
                </Descriptions.Item>
              </>
            )}
            <Descriptions.Item
              label={s.subjectKind === 'platform_application' ? t('review.score.platformFields') : t('review.score.targets')}
              span={2}
            >
              {s.targets.map((x) => `${x.name} ${x.value}${x.unit}`).join('；') || '—'}
            </Descriptions.Item>
            {s.subjectKind === 'platform_application' ? null : (
              <Descriptions.Item label={t('review.score.members')} span={2}>
                {s.members.map((x) => `${x.name ?? t('review.score.hidden')}（${x.role}）`).join('、') || '—'}
              </Descriptions.Item>
            )}
            {s.facts.length > 0 ? (
              <Descriptions.Item label={t('review.score.facts')} span={2}>
                <Space direction="vertical" size={0} data-testid="review-facts">
                  {s.facts.map((f) => (
                    <span key={f.label}>
                      {f.label}：{f.value}
                    </span>
                  ))}
                </Space>
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          {props.readOnly ? null : (
            <Card size="small" title={t('review.score.sheet')}>
              <Form<SheetForm>
                form={form}
                layout="vertical"
                onFinish={submit}
                initialValues={{
                  scores: Object.fromEntries(
                    s.rubric.criteria.map((c) => [c.key, s.score?.scores[c.key] !== undefined ? Number(s.score.scores[c.key]) : null]),
                  ),
                  comments: s.score?.comments ?? {},
                  opinion: s.score?.opinion ?? '',
                  veto: s.score?.veto ?? false,
                }}
              >
                {s.rubric.criteria.map((c) => (
                  <Space key={c.key} align="start" wrap>
                    <Form.Item
                      name={['scores', c.key]}
                      label={`${c.name}（${c.min}–${c.max}${c.weight !== '1' ? `，×${c.weight}` : ''}）`}
                      rules={[{ required: true, message: t('review.score.required') }]}
                    >
                      <InputNumber min={Number(c.min)} max={Number(c.max)} step={1} style={{ width: 140 }} data-testid={`score-${c.key}`} />
                    </Form.Item>
                    <Form.Item
                      name={['comments', c.key]}
                      label={t('review.score.comment')}
                      rules={c.commentRequired ? [{ required: true, whitespace: true, message: t('review.score.commentRequired') }] : []}
                    >
                      <Input style={{ width: 420 }} data-testid={`comment-${c.key}`} />
                    </Form.Item>
                  </Space>
                ))}
                <Form.Item
                  name="opinion"
                  label={t('review.score.opinion')}
                  rules={s.rubric.opinionRequired ? [{ required: true, whitespace: true, message: t('review.score.opinionRequired') }] : []}
                >
                  <Input.TextArea rows={4} data-testid="score-opinion" />
                </Form.Item>
                {s.rubric.vetoEnabled ? (
                  <Form.Item name="veto" valuePropName="checked">
                    <Checkbox>{t('review.score.veto')}</Checkbox>
                  </Form.Item>
                ) : null}
                <Button type="primary" htmlType="submit" loading={m.score.isPending} data-testid="score-submit">
                  {t('review.score.submit')}
                </Button>
              </Form>
            </Card>
          )}
        </Space>
      )}
    </Drawer>
  );
}
