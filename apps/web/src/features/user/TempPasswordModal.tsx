import { Alert, Button, Descriptions, Flex, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../components/CopyButton.tsx';
import type { UserWithPassword } from './user-api.ts';

export interface TempPasswordModalProps {
  result: (UserWithPassword & { reason: 'created' | 'reset' }) | null;
  onClose: () => void;
}

/** The one and only time a temporary password is visible: after creating a user or resetting. */
export function TempPasswordModal({ result, onClose }: TempPasswordModalProps) {
  const { t } = useTranslation();
  if (!result) return null;
  const { user, temporaryPassword, reason } = result;
  return (
    <Modal
      open
      title={reason === 'created' ? t('user.tempPassword.createdTitle') : t('user.tempPassword.resetTitle')}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Flex justify="space-between">
          <CopyButton text={t('user.tempPassword.copyText', { username: user.username, password: temporaryPassword })}>
            {t('user.tempPassword.copyAll')}
          </CopyButton>
          <Button type="primary" onClick={onClose}>
            {t('user.tempPassword.closeConfirm')}
          </Button>
        </Flex>
      }
      data-testid="temp-password-modal"
    >
      <Alert
        type="warning"
        showIcon
        title={t('user.tempPassword.warning')}
        description={t('user.tempPassword.warningDetail')}
        style={{ marginBottom: 16 }}
      />
      <Descriptions
        column={1}
        bordered
        size="small"
        items={[
          { key: 'username', label: t('user.tempPassword.username'), children: <Typography.Text code>{user.username}</Typography.Text> },
          {
            key: 'password',
            label: t('user.tempPassword.password'),
            children: (
              <Flex align="center" gap={12} wrap>
                <Typography.Text
                  strong
                  style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 18, letterSpacing: 1 }}
                  data-testid="temp-password"
                >
                  {temporaryPassword}
                </Typography.Text>
                <CopyButton text={temporaryPassword} />
              </Flex>
            ),
          },
        ]}
      />
    </Modal>
  );
}
