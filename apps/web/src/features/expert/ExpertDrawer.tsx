import { expertTransitions, type TExpert, type TExpertAction } from '@kechuang/contracts';
import { App, Button, Drawer, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageSkeleton } from '../../components/PageSkeleton.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useErrorText } from '../../lib/error-text.ts';
import { ExpertDetails } from './ExpertDetails.tsx';
import { type ExpertRoles, expertApi, useExpert, useExpertMutation } from './expert-api.ts';

/** The order the bureau's buttons appear in; each only when the entry's status allows it. */
const actionOrder: TExpertAction[] = ['approve', 'reject', 'pause', 'resume', 'retire', 'remove'];
const needsReason = new Set<TExpertAction>(['reject', 'pause', 'remove']);

/** One entry for the bureau: everything kept on the expert, and the decisions its status allows. */
export function ExpertDrawer(props: { id: number | undefined; roles: ExpertRoles; onClose: () => void; onEdit: (e: TExpert) => void }) {
  const { t } = useTranslation();
  const expert = useExpert(props.id);
  const e = expert.data;
  return (
    <Drawer
      open={props.id !== undefined}
      onClose={props.onClose}
      size={920}
      title={e ? `${e.name}${e.title ? ` · ${e.title}` : ''}` : t('expert.drawerTitle')}
      destroyOnHidden
      extra={
        e && props.roles.manager && e.status !== 'removed' ? (
          <Button onClick={() => props.onEdit(e)} data-testid="expert-edit">
            {t('common.actions.edit')}
          </Button>
        ) : null
      }
    >
      {expert.isError ? <QueryError error={expert.error} onRetry={() => expert.refetch()} /> : null}
      {expert.isPending && props.id !== undefined ? <PageSkeleton /> : null}
      {e ? (
        <div data-testid="expert-drawer">
          {props.roles.manager ? <StatusActions e={e} /> : null}
          <ExpertDetails e={e} />
        </div>
      ) : null}
    </Drawer>
  );
}

function StatusActions({ e }: { e: TExpert }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [asking, setAsking] = useState<TExpertAction | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const step = useExpertMutation((v: { action: TExpertAction; reason: string }) => expertApi.transition(e, v.action, v.reason));
  const allowed = actionOrder.filter((a) => expertTransitions[a].from.includes(e.status));
  if (allowed.length === 0) return null;
  const run = (action: TExpertAction, reason: string) =>
    step.mutate(
      { action, reason },
      {
        onSuccess: () => {
          message.success(t('expert.actionDone', { action: t(`expert.actions.${action}`) }));
          setAsking(null);
        },
        onError: (err) => message.error(errorText(err)),
      },
    );
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }} data-testid="expert-actions">
        {allowed.map((a) => (
          <Button
            key={a}
            type={a === 'approve' || a === 'resume' ? 'primary' : 'default'}
            danger={a === 'reject' || a === 'remove'}
            onClick={() => {
              form.resetFields();
              setAsking(a);
            }}
            data-testid={`expert-action-${a}`}
          >
            {t(`expert.actions.${a}`)}
          </Button>
        ))}
      </Space>
      <Modal
        open={asking !== null}
        title={asking ? t(`expert.actionConfirm.${asking}`, { name: e.name }) : ''}
        okText={asking ? t(`expert.actions.${asking}`) : ''}
        okButtonProps={{
          danger: asking === 'reject' || asking === 'remove',
          loading: step.isPending,
          ...({ 'data-testid': 'expert-action-ok' } as object),
        }}
        onOk={() => form.submit()}
        onCancel={() => setAsking(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => asking && run(asking, v.reason?.trim() ?? '')}>
          <Form.Item
            name="reason"
            label={t('expert.reason')}
            rules={asking && needsReason.has(asking) ? [{ required: true, whitespace: true, message: t('expert.reasonRequired') }] : []}
            extra={asking ? t(`expert.actionHint.${asking}`) : null}
          >
            <Input.TextArea rows={3} maxLength={500} data-testid="expert-action-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
