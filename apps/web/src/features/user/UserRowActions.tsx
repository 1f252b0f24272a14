import type { TUser } from '@kechuang/contracts';
import { App, Button, Popconfirm, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/error-text.ts';
import { type UserWithPassword, useUserActions } from './user-api.ts';

export interface UserRowActionsProps {
  user: TUser;
  isSelf: boolean;
  onEdit: (user: TUser) => void;
  onPasswordReset: (result: UserWithPassword) => void;
}

function Confirmed({
  title,
  onConfirm,
  danger,
  children,
}: {
  title: string;
  onConfirm: () => void;
  danger?: boolean;
  children: ReactNode;
}) {
  return (
    <Popconfirm title={title} onConfirm={onConfirm} okButtonProps={{ danger }} styles={{ root: { maxWidth: 340 } }}>
      <Button type="link" size="small" danger={danger} style={{ paddingInline: 4 }}>
        {children}
      </Button>
    </Popconfirm>
  );
}

/** Edit, disable/enable, reset password, unlock and sign-out-everywhere for one user, each confirmed first. */
export function UserRowActions({ user, isSelf, onEdit, onPasswordReset }: UserRowActionsProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { setDisabled, resetPassword, unlock, revokeSessions } = useUserActions();
  const onError = (e: unknown) => message.error(errorText(e));
  const name = user.displayName;

  return (
    <Space size={0} wrap>
      <Button type="link" size="small" style={{ paddingInline: 4 }} onClick={() => onEdit(user)}>
        {t('common.actions.edit')}
      </Button>
      {isSelf ? null : (
        <Confirmed
          title={t(user.disabled ? 'user.confirm.enable' : 'user.confirm.disable', { name })}
          danger={!user.disabled}
          onConfirm={() =>
            setDisabled.mutate(user, {
              onSuccess: (saved) => message.success(t(saved.disabled ? 'user.done.disabled' : 'user.done.enabled', { name })),
              onError,
            })
          }
        >
          {user.disabled ? t('common.actions.enable') : t('common.actions.disable')}
        </Confirmed>
      )}
      <Confirmed
        title={t('user.confirm.resetPassword', { name })}
        onConfirm={() => resetPassword.mutate(user, { onSuccess: onPasswordReset, onError })}
      >
        {t('user.actions.resetPassword')}
      </Confirmed>
      {user.locked ? (
        <Confirmed
          title={t('user.confirm.unlock', { name })}
          onConfirm={() => unlock.mutate(user, { onSuccess: () => message.success(t('user.done.unlocked', { name })), onError })}
        >
          {t('user.actions.unlock')}
        </Confirmed>
      ) : null}
      {isSelf ? null : (
        <Confirmed
          title={t('user.confirm.revokeSessions', { name })}
          danger
          onConfirm={() =>
            revokeSessions.mutate(user, {
              onSuccess: ({ revoked }) => message.success(t('user.done.revoked', { count: revoked })),
              onError,
            })
          }
        >
          {t('user.actions.revokeSessions')}
        </Confirmed>
      )}
    </Space>
  );
}
