import { DeleteOutlined, SaveOutlined, SendOutlined, UploadOutlined } from '@ant-design/icons';
import { planExecLimits, type TProgressReport, type TReportAttachment, type TTaskDetail } from '@kechuang/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form, Input, InputNumber, Radio, Slider, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.ts';
import { daysUntil } from '../../lib/bureau-date.ts';
import { useErrorText } from '../../lib/error-text.ts';
import { createDraft, deleteAttachment, deleteDraft, refreshPlan, submitReport, updateDraft, uploadAttachment } from './exec-api.ts';
import { formatNumber } from './exec-format.tsx';
import { AttachmentList } from './ReportView.tsx';
import type { ReportFor } from './report-for.ts';

interface Values {
  narrative: string;
  percent: number | null;
  selfStatus: 'on_track' | 'at_risk' | 'lagging' | 'done' | null;
  values: Record<string, number | null>;
}

const selfStatuses = ['on_track', 'at_risk', 'lagging', 'done'] as const;

/** The draft of one period: narrative, percent, self-assessment, target values and evidence; save, submit or delete. */
export function ReportForm({
  detail,
  who,
  period,
  dueDate,
  draft: initialDraft,
  onDone,
}: {
  detail: TTaskDetail;
  who: ReportFor;
  period: string;
  dueDate: string;
  draft: TProgressReport | undefined;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [draft, setDraft] = useState<TProgressReport | undefined>(initialDraft);
  const [busy, setBusy] = useState<null | 'save' | 'submit' | 'upload' | 'delete'>(null);
  const [uploadPct, setUploadPct] = useState(0);
  const targets = detail.targets;
  // the previous submitted version of this period, whose review comment the draft answers
  const previous = detail.reports
    .filter((r) => r.period === period && r.orgId === who.orgId && r.status !== 'draft')
    .sort((a, b) => b.version - a.version)[0];

  const initial: Values = {
    narrative: draft?.narrative ?? '',
    percent: draft?.percent ?? detail.progress.percent ?? null,
    selfStatus: draft?.selfStatus ?? null,
    values: Object.fromEntries(
      targets.map((x) => [String(x.targetId), draft?.values.find((v) => v.targetId === x.targetId)?.value ?? null]),
    ),
  };

  const content = () => {
    const v = form.getFieldsValue(true) as Values;
    return {
      narrative: (v.narrative ?? '').trim(),
      percent: v.percent ?? null,
      selfStatus: v.selfStatus ?? null,
      values: Object.entries(v.values ?? {})
        .filter((e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1]))
        .map(([targetId, value]) => ({ targetId: Number(targetId), value })),
    };
  };

  /** Creates the draft, or saves the form into it; answers the saved draft. */
  const saveDraft = async (): Promise<TProgressReport> => {
    const saved = draft
      ? await updateDraft(draft.id, { rowVersion: draft.rowVersion, ...content() })
      : await createDraft({ nodeId: detail.node.id, period, ...(who.behalf ? { orgId: who.behalf.orgId } : {}), ...content() });
    setDraft(saved);
    return saved;
  };

  const run = async (kind: 'save' | 'submit' | 'upload' | 'delete', fn: () => Promise<unknown>) => {
    setBusy(kind);
    try {
      await fn();
      return true;
    } catch (e) {
      message.error(errorText(e));
      return false;
    } finally {
      setBusy(null);
      void refreshPlan(queryClient, detail.planId);
    }
  };

  const onSave = () =>
    run('save', async () => {
      await saveDraft();
      message.success(t('planExec.report.draftSaved'));
    });

  const onSubmit = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const behalf = who.behalf;
    modal.confirm({
      title: behalf ? t('planExec.behalf.confirmSubmit', { org: behalf.name }) : t('planExec.report.confirmSubmit'),
      content: behalf
        ? t('planExec.behalf.confirmSubmitHint', { org: behalf.name, period })
        : t('planExec.report.confirmSubmitHint', { period }),
      okText: t('planExec.report.submit'),
      cancelText: t('common.actions.cancel'),
      okButtonProps: { 'data-testid': 'report-submit-confirm' },
      onOk: () =>
        run('submit', async () => {
          const saved = await saveDraft();
          await submitReport(saved.id, saved.rowVersion);
          message.success(behalf ? t('planExec.behalf.submitted', { org: behalf.name }) : t('planExec.report.submitted'));
          onDone();
        }),
    });
  };

  const onDelete = () =>
    draft &&
    modal.confirm({
      title: t('planExec.report.confirmDelete'),
      okButtonProps: { danger: true },
      okText: t('planExec.report.deleteDraft'),
      cancelText: t('common.actions.cancel'),
      onOk: () =>
        run('delete', async () => {
          await deleteDraft(draft.id);
          setDraft(undefined);
          form.resetFields();
          message.success(t('planExec.report.draftDeleted'));
        }),
    });

  const upload = (file: File) => {
    if (file.size > planExecLimits.attachmentBytes) {
      message.warning(t('planExec.report.tooLarge', { name: file.name }));
      return;
    }
    setUploadPct(0);
    void run('upload', async () => {
      const saved = await saveDraft();
      await uploadAttachment(saved.id, file, setUploadPct);
      setDraft(await api.get<TProgressReport>(`/api/plan-reports/${saved.id}`));
      message.success(t('planExec.report.uploaded', { name: file.name }));
    });
  };

  const remove = (a: TReportAttachment) =>
    draft &&
    modal.confirm({
      title: t('planExec.report.confirmRemove', { name: a.filename }),
      okButtonProps: { danger: true },
      okText: t('planExec.report.remove'),
      cancelText: t('common.actions.cancel'),
      onOk: () =>
        run('upload', async () => {
          await deleteAttachment(draft.id, a.id);
          setDraft(await api.get<TProgressReport>(`/api/plan-reports/${draft.id}`));
        }),
    });

  const daysLeft = daysUntil(dueDate);

  return (
    <>
      {previous?.status === 'returned' && previous.reviewComment ? (
        <Alert
          type="warning"
          showIcon
          title={t('planExec.report.answering', { version: previous.version })}
          description={previous.reviewComment}
          style={{ marginBottom: 12 }}
          data-testid="report-return-comment"
        />
      ) : null}
      <Alert
        type={daysLeft < 0 ? 'error' : daysLeft <= 7 ? 'warning' : 'info'}
        showIcon
        title={
          daysLeft < 0
            ? t('planExec.report.overdueBy', { date: dueDate, days: -daysLeft })
            : t('planExec.report.dueIn', { date: dueDate, days: daysLeft })
        }
        description={
          draft
            ? who.behalf
              ? t('planExec.behalf.draftOf', { version: draft.version, org: who.behalf.name })
              : t('planExec.report.draftOf', { version: draft.version })
            : undefined
        }
        style={{ marginBottom: 12 }}
      />
      <Form<Values> form={form} layout="vertical" initialValues={initial} requiredMark="optional">
        <Form.Item
          name="narrative"
          label={t('planExec.report.narrative')}
          rules={[{ required: true, whitespace: true, message: t('planExec.report.narrativeRequired') }]}
        >
          <Input.TextArea
            rows={6}
            maxLength={planExecLimits.narrativeChars}
            showCount
            placeholder={t('planExec.report.narrativePlaceholder')}
            data-testid="report-narrative"
          />
        </Form.Item>
        <Form.Item label={t('planExec.fields.percent')} required>
          <Flex gap={16} align="center">
            <Form.Item name="percent" noStyle>
              <Slider min={0} max={100} style={{ flex: 1 }} />
            </Form.Item>
            <Form.Item name="percent" noStyle rules={[{ required: true, message: t('planExec.report.percentRequired') }]}>
              <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: 110 }} data-testid="report-percent" />
            </Form.Item>
          </Flex>
        </Form.Item>
        <Form.Item name="selfStatus" label={t('planExec.report.selfStatus')}>
          <Radio.Group
            optionType="button"
            options={selfStatuses.map((s) => ({ value: s, label: t(`planExec.selfStatus.${s}`) }))}
            data-testid="report-self-status"
          />
        </Form.Item>
        {targets.length ? (
          <Form.Item label={t('planExec.report.values')} extra={t('planExec.report.valuesHint')}>
            <Flex vertical gap={8}>
              {targets.map((x) => (
                <Flex key={x.targetId} align="center" gap={8} wrap>
                  <Typography.Text style={{ minWidth: 220, flex: 1 }}>
                    {x.indicatorName}
                    <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
                      {t('planExec.report.targetIs', { value: formatNumber(x.target, x.unit) })}
                    </Typography.Text>
                  </Typography.Text>
                  <Form.Item name={['values', String(x.targetId)]} noStyle>
                    <InputNumber style={{ width: 180 }} suffix={x.unit || undefined} data-testid="report-target-value" />
                  </Form.Item>
                </Flex>
              ))}
            </Flex>
          </Form.Item>
        ) : null}
        <Form.Item label={t('planExec.report.attachments')} extra={t('planExec.report.attachmentsHint')}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Upload
              multiple
              showUploadList={false}
              beforeUpload={(file) => {
                upload(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={busy === 'upload'} data-testid="report-upload">
                {busy === 'upload' && uploadPct > 0 ? `${Math.round(uploadPct * 100)}%` : t('planExec.report.upload')}
              </Button>
            </Upload>
            {draft ? <AttachmentList reportId={draft.id} items={draft.attachments} onRemove={remove} /> : null}
          </Space>
        </Form.Item>
      </Form>
      <Flex justify="space-between" gap={8} style={{ marginTop: 8 }}>
        <div>
          {draft ? (
            <Button danger icon={<DeleteOutlined />} onClick={onDelete} loading={busy === 'delete'}>
              {t('planExec.report.deleteDraft')}
            </Button>
          ) : null}
        </div>
        <Flex gap={8}>
          <Button
            icon={<SaveOutlined />}
            onClick={onSave}
            loading={busy === 'save'}
            disabled={busy !== null && busy !== 'save'}
            data-testid="report-save"
          >
            {t('planExec.report.saveDraft')}
          </Button>
          <Button
            type="primary"
            icon={<SendOutlined />}
            onClick={onSubmit}
            loading={busy === 'submit'}
            disabled={busy !== null && busy !== 'submit'}
            data-testid="report-submit"
          >
            {t('planExec.report.submit')}
          </Button>
        </Flex>
      </Flex>
    </>
  );
}
