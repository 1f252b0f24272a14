import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { reviewAggregations, type TReviewSubjectKind, type TRubric, type TRubricInput } from '@kechuang/contracts';
import { App, Button, Card, Checkbox, Form, Input, Radio, Select, Space, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { PageSkeleton } from '../../components/PageSkeleton.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useErrorText } from '../../lib/error-text.ts';
import { useReviewMutations, useRubric } from './review-api.ts';
import type { ReviewRoles } from './roles.ts';

type RubricForm = Omit<TRubric, 'version' | 'subjectKind' | 'batchId'>;

/** 评分标准: criteria with ranges and weights, aggregation, dispersion threshold, 网评/会评, 盲评, 一票否决. */
export function RubricTab({
  batchId: callId,
  subjectKind,
  roles,
}: {
  batchId: number;
  subjectKind: TReviewSubjectKind;
  roles: ReviewRoles;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const rubric = useRubric(callId, subjectKind);
  const m = useReviewMutations();
  const [form] = Form.useForm<RubricForm>();
  useEffect(() => {
    if (rubric.data) form.setFieldsValue(rubric.data);
  }, [rubric.data, form]);
  if (rubric.error) return <QueryError error={rubric.error} />;
  if (!rubric.data) return <PageSkeleton />;
  const save = (v: RubricForm) => {
    const body: TRubricInput = { ...v, subjectKind, batchId: callId };
    m.saveRubric.mutate(body, { onSuccess: () => message.success(t('review.rubric.saved')), onError: (e) => message.error(errorText(e)) });
  };
  return (
    <Card size="small" title={rubric.data.version === 0 ? t('review.rubric.defaultTitle') : t('review.rubric.title')}>
      <Form<RubricForm>
        form={form}
        layout="vertical"
        onFinish={save}
        disabled={!roles.manager}
        // a reader sees the rubric, not an editor with greyed delete and add buttons and required marks
        requiredMark={roles.manager}
        initialValues={rubric.data}
      >
        <Form.List name="criteria">
          {(fields, { add, remove }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap data-testid="rubric-criterion">
                  <Form.Item name={[f.name, 'name']} label={t('review.rubric.name')} rules={[{ required: true }]}>
                    <Input style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'key']}
                    label={t('review.rubric.key')}
                    rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{0,30}$/ }]}
                  >
                    <Input style={{ width: 130 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'min']} label={t('review.rubric.min')} rules={[{ required: true }]}>
                    <Input style={{ width: 70 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'max']} label={t('review.rubric.max')} rules={[{ required: true }]}>
                    <Input style={{ width: 70 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'weight']} label={t('review.rubric.weight')} rules={[{ required: true }]}>
                    <Input style={{ width: 70 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'commentRequired']} valuePropName="checked" label=" ">
                    <Checkbox>{t('review.rubric.commentRequired')}</Checkbox>
                  </Form.Item>
                  {roles.manager ? (
                    <Button icon={<DeleteOutlined />} type="text" onClick={() => remove(f.name)} aria-label={t('review.rubric.remove')} />
                  ) : null}
                </Space>
              ))}
              {roles.manager ? (
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ key: `c${fields.length + 1}`, name: '', min: '0', max: '10', weight: '1', commentRequired: false })}
                >
                  {t('review.rubric.add')}
                </Button>
              ) : null}
            </Space>
          )}
        </Form.List>
        <Space wrap size="large" style={{ marginTop: 16 }}>
          <Form.Item name="aggregation" label={t('review.rubric.aggregation')}>
            <Select style={{ width: 260 }} options={reviewAggregations.map((a) => ({ value: a, label: t(`review.aggregations.${a}`) }))} />
          </Form.Item>
          <Form.Item name="dispersionThreshold" label={t('review.rubric.threshold')} rules={[{ required: true }]}>
            <Input style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="mode" label={t('review.rubric.mode')}>
            <Radio.Group
              options={[
                { value: 'online', label: t('review.modes.online') },
                { value: 'meeting', label: t('review.modes.meeting') },
              ]}
            />
          </Form.Item>
          <Form.Item name="blind" label={t('review.rubric.blind')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="vetoEnabled" label={t('review.rubric.veto')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="opinionRequired" label={t('review.rubric.opinionRequired')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        {roles.manager ? (
          <Button type="primary" htmlType="submit" loading={m.saveRubric.isPending} data-testid="rubric-save">
            {t('review.rubric.save')}
          </Button>
        ) : null}
      </Form>
    </Card>
  );
}
