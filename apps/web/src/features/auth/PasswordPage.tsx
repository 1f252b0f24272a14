import { passwordProblem } from '@kechuang/contracts';
import { Alert, App, Button, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { isApiError } from '../../lib/api.ts';
import { useErrorText } from '../../lib/error-text.ts';
import { AuthCard } from './AuthCard.tsx';
import { useChangePassword, useLogout, useMe } from './auth-api.ts';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Errors that belong to one field are shown under it; the rest above the form. */
const fieldOfCode: Record<string, keyof PasswordForm> = {
  'auth/wrong_password': 'currentPassword',
  'auth/weak_password': 'newPassword',
  'auth/password_reused': 'newPassword',
};

export function PasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<PasswordForm>();
  const me = useMe();
  const change = useChangePassword();
  const logout = useLogout();

  const mustChange =
    me.data?.user.mustChangePassword === true || (isApiError(me.error) && me.error.code === 'auth/password_change_required');
  if (me.isPending) return <FullPageSpin />;
  if (!me.data && !mustChange) return <Navigate to="/login" replace />;

  const onFinish = ({ currentPassword, newPassword }: PasswordForm) => {
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          message.success(t('auth.password.success'));
          navigate('/', { replace: true });
        },
        onError: (e) => {
          const field = isApiError(e) ? fieldOfCode[e.code] : undefined;
          if (field) form.setFields([{ name: field, errors: [errorText(e)] }]);
        },
      },
    );
  };
  const generalError = change.error && !(isApiError(change.error) && fieldOfCode[change.error.code]) ? change.error : null;

  return (
    <AuthCard testId="page-password">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {mustChange ? t('auth.password.forcedTitle') : t('auth.password.title')}
      </Typography.Title>
      <Alert
        type={mustChange ? 'warning' : 'info'}
        showIcon
        title={mustChange ? t('auth.password.forcedHint') : t('auth.password.hint')}
        style={{ marginBottom: 16 }}
      />
      {generalError ? <Alert type="error" showIcon title={errorText(generalError)} style={{ marginBottom: 16 }} /> : null}
      <Form<PasswordForm> form={form} layout="vertical" requiredMark={false} onFinish={onFinish}>
        <Form.Item name="currentPassword" label={t('auth.password.current')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('auth.password.new')}
          extra={t('auth.password.rule')}
          dependencies={['currentPassword']}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: async (_rule, value: string | undefined) => {
                if (!value) return;
                const problem = passwordProblem(value);
                if (problem === 'too_short') throw new Error(t('auth.password.tooShort'));
                if (problem) throw new Error(t('auth.password.needsLettersAndDigits'));
                if (value === getFieldValue('currentPassword')) throw new Error(t('auth.password.sameAsCurrent'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={200} />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('auth.password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: async (_rule, value: string | undefined) => {
                if (value && value !== getFieldValue('newPassword')) throw new Error(t('auth.password.mismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={change.isPending}>
          {t('auth.password.submit')}
        </Button>
      </Form>
      <Flex justify="center" style={{ marginTop: 12 }}>
        {mustChange ? (
          <Button type="link" onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}>
            {t('shell.header.logout')}
          </Button>
        ) : (
          <Button type="link" onClick={() => navigate('/')}>
            {t('common.actions.backHome')}
          </Button>
        )}
      </Flex>
    </AuthCard>
  );
}
