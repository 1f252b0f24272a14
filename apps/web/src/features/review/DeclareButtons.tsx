import { App, Button, Input, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/error-text.ts';
import { useReviewMutations } from './review-api.ts';

/**
 * 利益冲突声明, made before the application can be read: no conflict, a conflict (with its reason), or unable to
 * take part. Either of the last two hands the seat to the next reserve in draw order.
 */
export function DeclareButtons({ assignmentId, onDone }: { assignmentId: number; onDone?: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const m = useReviewMutations();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<'conflict' | 'decline'>('conflict');
  const [reason, setReason] = useState('');
  const send = (conflict: boolean) =>
    m.declare.mutate(
      { id: assignmentId, conflict, decline: conflict && kind === 'decline', reason: conflict ? reason.trim() || null : null },
      {
        onSuccess: (r) => {
          message.success(t(r.status === 'accepted' ? 'review.declare.accepted' : 'review.declare.replaced'));
          setOpen(false);
          onDone?.();
        },
        onError: (e) => message.error(errorText(e)),
      },
    );
  return (
    <>
      <Typography.Paragraph type="secondary">{t('review.declare.text')}</Typography.Paragraph>
      <Space>
        <Button type="primary" loading={m.declare.isPending && !open} onClick={() => send(false)} data-testid="declare-none">
          {t('review.declare.none')}
        </Button>
        <Button danger onClick={() => setOpen(true)} data-testid="declare-conflict">
          {t('review.declare.conflict')}
        </Button>
      </Space>
      <Modal
        open={open}
        title={t('review.declare.conflictTitle')}
        onCancel={() => setOpen(false)}
        onOk={() => send(true)}
        okButtonProps={{ danger: true, loading: m.declare.isPending, disabled: reason.trim() === '', id: 'declare-confirm' }}
        okText={t('review.declare.confirm')}
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Radio.Group
            value={kind}
            onChange={(e) => setKind(e.target.value)}
            options={[
              { value: 'conflict', label: t('review.declare.kindConflict') },
              { value: 'decline', label: t('review.declare.kindDecline') },
            ]}
          />
          <Input.TextArea
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder={t('review.declare.reason')}
            data-testid="declare-reason"
          />
        </Space>
      </Modal>
    </>
  );
}
