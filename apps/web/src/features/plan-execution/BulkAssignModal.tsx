import type { TAssignmentBulkInput, TAssignmentBulkMode, TAssignmentBulkResult, TPlanExec } from '@kechuang/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Modal, Radio, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.ts';
import { useErrorText } from '../../lib/error-text.ts';
import { bulkAssignProblem, chosenTasks } from './bulk-assign.ts';
import { refreshPlan, useSuggestions } from './exec-api.ts';
import { UnitsSelect } from './UnitsSelect.tsx';

interface Values {
  mode: TAssignmentBulkMode;
  lead: number[];
  co: number[];
}

/** PUT /api/plans/:id/assignments; refreshes the same views as a one-task assignment. */
export function useBulkAssign(planId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TAssignmentBulkInput) => api.put<TAssignmentBulkResult>(`/api/plans/${planId}/assignments`, input),
    onSuccess: () => {
      void refreshPlan(queryClient, planId);
    },
  });
}

/**
 * 批量分工: the same lead and co-units for the tasks ticked in the plan's task list, either replacing
 * what each task has or added to it. Sections among the ticked rows are skipped (they are not assigned).
 */
export function BulkAssignModal({
  plan,
  nodeIds,
  open,
  onClose,
}: {
  plan: TPlanExec;
  nodeIds: number[];
  open: boolean;
  onClose: (done: boolean) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const suggestions = useSuggestions(plan.id, open);
  const save = useBulkAssign(plan.id);
  const mode = Form.useWatch('mode', form) ?? 'replace';

  const { tasks, sections } = useMemo(() => chosenTasks(plan.nodes, nodeIds), [plan.nodes, nodeIds]);
  const orgOptions = useMemo(
    () => (suggestions.data?.orgs ?? []).map((o) => ({ value: o.orgId, label: o.shortName ? `${o.name}（${o.shortName}）` : o.name })),
    [suggestions.data],
  );
  const nameOf = (id: number) => suggestions.data?.orgs.find((o) => o.orgId === id)?.name ?? String(id);

  const submit = async (v: Values) => {
    try {
      const res = await save.mutateAsync({ nodeIds: tasks.map((n) => n.id), lead: v.lead ?? [], co: v.co ?? [], mode: v.mode });
      if (res.updated > 0) message.success(t('planExec.bulk.done', { n: res.updated }));
      else message.info(t('planExec.bulk.unchanged'));
      onClose(true);
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <Modal
      open={open}
      title={t('planExec.bulk.title', { n: tasks.length })}
      onCancel={() => onClose(false)}
      onOk={() => form.submit()}
      okButtonProps={{ disabled: tasks.length === 0, ...({ 'data-testid': 'bulk-assign-save' } as object) }}
      confirmLoading={save.isPending}
      width={640}
      destroyOnHidden
    >
      {tasks.length === 0 ? <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('planExec.bulk.noTasks')} /> : null}
      {sections > 0 ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('planExec.bulk.sectionsIgnored', { n: sections })} />
      ) : null}
      {tasks.length > 0 ? (
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, expandable: true }}>
          {t('planExec.bulk.tasks')}：{tasks.map((n) => `${n.number} ${n.title}`.trim()).join('；')}
        </Typography.Paragraph>
      ) : null}
      <Form<Values> form={form} layout="vertical" initialValues={{ mode: 'replace', lead: [], co: [] }} preserve={false} onFinish={submit}>
        <Form.Item
          name="mode"
          label={t('planExec.bulk.mode')}
          extra={mode === 'replace' ? t('planExec.bulk.replaceHint') : t('planExec.bulk.addHint')}
        >
          <Radio.Group
            optionType="button"
            options={[
              { value: 'replace', label: t('planExec.bulk.replace') },
              { value: 'add', label: t('planExec.bulk.add') },
            ]}
            data-testid="bulk-assign-mode"
          />
        </Form.Item>
        <Form.Item
          name="lead"
          label={t('planExec.fields.lead')}
          required={mode === 'replace'}
          dependencies={['mode', 'co']}
          rules={[
            {
              validator: (_, value: number[] | undefined) => {
                const problem = bulkAssignProblem(form.getFieldValue('mode') ?? 'replace', value ?? [], form.getFieldValue('co') ?? []);
                if (!problem) return Promise.resolve();
                const text =
                  problem.kind === 'overlap'
                    ? t('planExec.bulk.overlap', { names: problem.orgIds.map(nameOf).join('、') })
                    : t(`planExec.bulk.${problem.kind}`);
                return Promise.reject(new Error(text));
              },
            },
          ]}
        >
          <UnitsSelect
            options={orgOptions}
            loading={suggestions.isLoading}
            optionFilterProp="label"
            placeholder={t('planExec.edit.orgPlaceholder')}
            data-testid="bulk-assign-lead"
          />
        </Form.Item>
        <Form.Item name="co" label={t('planExec.fields.co')}>
          <UnitsSelect
            options={orgOptions}
            loading={suggestions.isLoading}
            optionFilterProp="label"
            placeholder={t('planExec.edit.orgPlaceholder')}
            data-testid="bulk-assign-co"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
