import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Flex, Form, Input, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../lib/api.ts';
import { useErrorText } from '../../lib/error-text.ts';
import { refreshPlan, reviewReport, useReport } from './exec-api.ts';
import { ReportView } from './ReportView.tsx';

/**
 * 审核: the submitted report, then accept or return with a comment. When someone else acted first the
 * server answers 409; the drawer says so and offers to reload the report.
 */
export function ReviewDrawer({
  planId,
  reportId,
  title,
  open,
  onClose,
}: {
  planId: number;
  reportId: number | null;
  title?: string | undefined;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const report = useReport(open ? reportId : null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState<null | 'accept' | 'return'>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [needComment, setNeedComment] = useState(false);

  const act = (action: 'accept' | 'return') => {
    const r = report.data;
    if (!r) return;
    if (action === 'return' && !comment.trim()) {
      setNeedComment(true);
      return;
    }
    setBusy(action);
    reviewReport(r.id, action, r.rowVersion, comment.trim())
      .then(() => {
        message.success(t(action === 'accept' ? 'planExec.review.accepted' : 'planExec.review.returned'));
        setComment('');
        onClose();
      })
      .catch((e: unknown) => {
        if (isApiError(e) && e.status === 409) setConflict(errorText(e));
        else message.error(errorText(e));
      })
      .finally(() => {
        setBusy(null);
        void refreshPlan(queryClient, planId);
        void queryClient.invalidateQueries({ queryKey: ['plan-report', r.id] });
      });
  };

  const reload = () => {
    setConflict(null);
    void report.refetch();
    void refreshPlan(queryClient, planId);
  };

  const r = report.data;
  const reviewable = r?.status === 'submitted';
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={720}
      destroyOnHidden
      title={title ?? t('planExec.review.drawerTitle')}
      data-testid="review-drawer"
      footer={
        reviewable && !conflict ? (
          <Flex vertical gap={8}>
            <Form.Item
              validateStatus={needComment ? 'error' : undefined}
              help={needComment ? t('planExec.review.commentRequired') : undefined}
              style={{ margin: 0 }}
            >
              <Input.TextArea
                rows={3}
                maxLength={2000}
                value={comment}
                onChange={(e) => {
                  setComment(e.target.value);
                  if (e.target.value.trim()) setNeedComment(false);
                }}
                placeholder={t('planExec.review.commentPlaceholder')}
                data-testid="review-comment"
              />
            </Form.Item>
            <Flex justify="flex-end" gap={8}>
              <Button
                danger
                icon={<RollbackOutlined />}
                loading={busy === 'return'}
                disabled={busy === 'accept'}
                onClick={() => act('return')}
                data-testid="review-return"
              >
                {t('planExec.review.return')}
              </Button>
              <Button
                type="primary"
                icon={<CheckOutlined />}
                loading={busy === 'accept'}
                disabled={busy === 'return'}
                onClick={() => act('accept')}
                data-testid="review-accept"
              >
                {t('planExec.review.accept')}
              </Button>
            </Flex>
          </Flex>
        ) : null
      }
    >
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          title={t('planExec.review.conflict')}
          description={conflict}
          action={
            <Button size="small" onClick={reload} data-testid="review-reload">
              {t('common.actions.refresh')}
            </Button>
          }
          style={{ marginBottom: 12 }}
          data-testid="review-conflict"
        />
      ) : null}
      {!r ? (
        report.isError ? (
          <Alert type="error" showIcon title={t('common.loadFailed')} description={errorText(report.error)} />
        ) : (
          <Skeleton active />
        )
      ) : (
        <>
          <Typography.Paragraph>
            <Link to={`/plans/${r.planId}/tasks/${r.nodeId}`}>{t('planExec.review.openTask')}</Link>
          </Typography.Paragraph>
          {!reviewable && !conflict ? (
            <Alert type="info" showIcon title={t('planExec.review.notReviewable')} style={{ marginBottom: 12 }} />
          ) : null}
          <ReportView report={r} />
        </>
      )}
    </Drawer>
  );
}
