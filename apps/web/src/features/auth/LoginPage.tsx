import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Divider, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { useErrorText } from '../../lib/error-text.ts';
import { AuthCard } from './AuthCard.tsx';
import { useHealth, useLogin, useMe } from './auth-api.ts';

/** What anyone may read without an account: the bureau's published calls, lists and records. */
const publicPages = [
  { key: 'openCalls', path: '/open-calls' },
  { key: 'market', path: '/market' },
  { key: 'integrity', path: '/integrity-public' },
  { key: 'platforms', path: '/platforms-public' },
] as const;

interface LoginForm {
  username: string;
  password: string;
}

interface LoginState {
  from?: string;
  expired?: boolean;
}

function safeTarget(from: string | undefined): string {
  // Only same-app paths: never bounce to another site after sign-in.
  return from?.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as LoginState;
  const errorText = useErrorText();
  const me = useMe();
  const health = useHealth();
  const login = useLogin();

  if (me.data && !login.isPending) {
    return <Navigate to={me.data.user.mustChangePassword ? '/password' : safeTarget(state.from)} replace />;
  }

  const onFinish = (values: LoginForm) => {
    login.mutate(
      { username: values.username.trim(), password: values.password },
      {
        onSuccess: (result) => navigate(result.user.mustChangePassword ? '/password' : safeTarget(state.from), { replace: true }),
      },
    );
  };

  const footer = health.data ? (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {t('auth.login.footer', { version: health.data.version })}
    </Typography.Text>
  ) : null;

  return (
    <AuthCard testId="page-login" footer={footer}>
      <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 20 }}>
        {t('auth.login.title')}
      </Typography.Title>
      {health.isError ? <Alert type="warning" showIcon title={t('auth.login.serverDown')} style={{ marginBottom: 16 }} /> : null}
      {state.expired && !login.error ? (
        <Alert type="info" showIcon title={t('auth.login.sessionExpired')} style={{ marginBottom: 16 }} />
      ) : null}
      {login.error ? (
        <Alert type="error" showIcon title={errorText(login.error)} style={{ marginBottom: 16 }} data-testid="login-error" />
      ) : null}
      <Form<LoginForm> layout="vertical" requiredMark={false} onFinish={onFinish} size="large" autoComplete="on">
        <Form.Item name="username" label={t('auth.login.username')} rules={[{ required: true, whitespace: true }]}>
          <Input prefix={<UserOutlined />} placeholder={t('auth.login.usernamePlaceholder')} autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item name="password" label={t('auth.login.password')} rules={[{ required: true }]}>
          <Input.Password prefix={<LockOutlined />} placeholder={t('auth.login.passwordPlaceholder')} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={login.isPending} style={{ marginTop: 8 }}>
          {t('auth.login.submit')}
        </Button>
      </Form>
      <Divider plain style={{ margin: '20px 0 12px', fontSize: 12 }}>
        {t('auth.login.publicTitle')}
      </Divider>
      <Flex gap={16} justify="center" wrap data-testid="public-links">
        {publicPages.map((p) => (
          <Link key={p.path} to={p.path}>
            {t(`auth.login.public.${p.key}`)}
          </Link>
        ))}
      </Flex>
    </AuthCard>
  );
}
