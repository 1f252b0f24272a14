import { roles, type TRole, type TUser } from '@kechuang/contracts';
import { Alert, App, Button, Checkbox, Drawer, Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { OrgSelect } from '../../components/OrgSelect.tsx';
import { isApiError } from '../../lib/api.ts';
import { useErrorText } from '../../lib/error-text.ts';
import { applyFieldErrors } from '../../lib/form-errors.ts';
import { type UserInput, type UserWithPassword, useCreateUser, useUpdateUser } from './user-api.ts';

interface UserFormValues {
  username: string;
  displayName: string;
  orgId: number;
  roles: TRole[];
  phone?: string;
  email?: string;
}

const codeFields: Record<string, string> = {
  'user/duplicate_username': 'username',
  'user/role_not_allowed': 'roles',
  'org/not_found': 'orgId',
};

/** Same rule as the contract's ZUsername, checked here so the user sees it while typing. */
const usernamePattern = /^[a-z][a-z0-9._-]{2,39}$/;
const blankToNull = (v: string | undefined): string | null => (v?.trim() ? v.trim() : null);

function toValues(user: TUser): UserFormValues {
  return {
    username: user.username,
    displayName: user.displayName,
    orgId: user.orgId,
    roles: user.roles,
    phone: user.phone ?? '',
    email: user.email ?? '',
  };
}

/** Mount with a fresh `key` for each opening: the form starts from `user` every time. */
export interface UserFormDrawerProps {
  open: boolean;
  user: TUser | null;
  onClose: () => void;
  onCreated: (result: UserWithPassword) => void;
}

export function UserFormDrawer({ open, user, onClose, onCreated }: UserFormDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<UserFormValues>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const saving = create.isPending || update.isPending;
  const error = create.error ?? update.error;

  const onError = (e: unknown) => applyFieldErrors(form, e, errorText(e), codeFields);

  const onFinish = (values: UserFormValues) => {
    const input: UserInput = {
      displayName: values.displayName.trim(),
      orgId: values.orgId,
      roles: values.roles,
      phone: blankToNull(values.phone),
      email: blankToNull(values.email),
    };
    if (user) {
      update.mutate(
        { user, input },
        {
          onSuccess: (saved) => {
            message.success(t('user.done.updated', { name: saved.displayName }));
            onClose();
          },
          onError,
        },
      );
    } else {
      create.mutate(
        { ...input, username: values.username.trim().toLowerCase() },
        {
          onSuccess: (result) => {
            onClose();
            onCreated(result);
          },
          onError,
        },
      );
    }
  };

  const showGeneral = error && !(isApiError(error) && codeFields[error.code]) && !(isApiError(error) && error.errors.length > 0);

  return (
    <Drawer
      title={user ? t('user.editTitle') : t('user.createTitle')}
      open={open}
      onClose={onClose}
      size={520}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.actions.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {t('common.actions.save')}
          </Button>
        </Flex>
      }
    >
      {showGeneral ? <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} /> : null}
      <Form<UserFormValues> form={form} layout="vertical" onFinish={onFinish} initialValues={user ? toValues(user) : { roles: [] }}>
        <Form.Item
          name="username"
          label={t('user.fields.username')}
          extra={user ? undefined : t('user.hints.username')}
          normalize={(v: string) => v.toLowerCase()}
          rules={user ? [] : [{ required: true }, { pattern: usernamePattern, message: t('user.usernameInvalid') }]}
        >
          <Input disabled={Boolean(user)} maxLength={40} autoComplete="off" style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item name="displayName" label={t('user.fields.displayName')} rules={[{ required: true, whitespace: true }, { max: 50 }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="orgId" label={t('user.fields.org')} rules={[{ required: true }]}>
          <OrgSelect style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('user.fields.roles')}
          rules={[{ required: true, type: 'array', min: 1, message: t('user.rolesRequired') }]}
        >
          <Checkbox.Group>
            <Flex vertical gap={6}>
              {roles.map((role) => (
                <Checkbox key={role} value={role}>
                  {t(`common.role.${role}`)}
                </Checkbox>
              ))}
            </Flex>
          </Checkbox.Group>
        </Form.Item>
        <Flex gap={16}>
          <Form.Item name="phone" label={t('user.fields.phone')} rules={[{ max: 30 }]} style={{ flex: 1 }}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item
            name="email"
            label={t('user.fields.email')}
            rules={[{ type: 'email', message: t('user.emailInvalid') }, { max: 100 }]}
            style={{ flex: 1 }}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Flex>
      </Form>
    </Drawer>
  );
}
