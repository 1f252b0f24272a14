import { DesktopOutlined, DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Dropdown, Flex, type MenuProps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { useCurrentUser, useLogout } from '../features/auth/auth-api.ts';
import { NotificationBell } from '../features/notification/NotificationBell.tsx';

/** The header's right side; `compact` (a phone) keeps the avatar and drops the name, unit and language switch. */
export function HeaderActions({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { user, demo } = useCurrentUser();
  const logout = useLogout();

  const items: MenuProps['items'] = [
    { key: 'sessions', icon: <DesktopOutlined />, label: t('shell.header.sessions') },
    { key: 'password', icon: <KeyOutlined />, label: t('shell.header.changePassword') },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('shell.header.logout'), danger: true },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'sessions') navigate('/sessions');
    else if (key === 'password') navigate('/password');
    else if (key === 'logout') {
      logout.mutate(undefined, {
        onSettled: () => {
          message.success(t('shell.loggedOut'));
          navigate('/login', { replace: true });
        },
      });
    }
  };

  return (
    <Flex align="center" gap={compact ? 8 : 16}>
      {demo ? <Tag color="gold">{t('shell.header.demo')}</Tag> : null}
      {compact ? null : <LanguageSwitch />}
      <NotificationBell />
      <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
        <Flex align="center" gap={8} style={{ cursor: 'pointer', lineHeight: 1.25 }} role="button" tabIndex={0} data-testid="user-menu">
          <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1456f0' }} />
          {compact ? null : (
            <Flex vertical>
              <Typography.Text strong>{user.displayName}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {user.orgName}
              </Typography.Text>
            </Flex>
          )}
          <DownOutlined style={{ fontSize: 10, color: '#8c8c8c' }} />
        </Flex>
      </Dropdown>
    </Flex>
  );
}
