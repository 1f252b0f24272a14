import type { TExpert } from '@kechuang/contracts';
import { App, Button, Drawer, Form, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/error-text.ts';
import { applyFieldErrors } from '../../lib/form-errors.ts';
import { useCurrentUser } from '../auth/auth-api.ts';
import { ExpertFields, type ExpertFormValues, toFormValues, toInput } from './ExpertForm.tsx';
import { expertApi, useExpertMutation } from './expert-api.ts';

/** The bureau adds an expert (in the pool at once) or edits one of its region. */
export function ExpertFormDrawer(props: { open: boolean; editing: TExpert | null; onClose: () => void; onSaved: (e: TExpert) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { user } = useCurrentUser();
  const [form] = Form.useForm<ExpertFormValues>();
  const editing = props.editing;
  const save = useExpertMutation((v: ExpertFormValues) =>
    editing ? expertApi.update(editing, toInput(v, true)) : expertApi.create(toInput(v, true)),
  );
  const submit = (v: ExpertFormValues) =>
    save.mutate(v, {
      onSuccess: (e) => {
        message.success(t('common.saved'));
        props.onSaved(e);
      },
      onError: (e) => {
        const text = errorText(e);
        if (!applyFieldErrors(form, e, text, { 'expert/duplicate_person': 'idNumber', 'expert/account_taken': 'username' }))
          message.error(text);
      },
    });
  return (
    <Drawer
      open={props.open}
      onClose={props.onClose}
      size={880}
      title={editing ? t('expert.form.editTitle', { name: editing.name }) : t('expert.form.createTitle')}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={props.onClose}>{t('common.actions.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="expert-form-save">
            {t('common.actions.save')}
          </Button>
        </Space>
      }
    >
      <Form<ExpertFormValues>
        form={form}
        layout="vertical"
        initialValues={toFormValues(editing, user.regionCode)}
        onFinish={submit}
        data-testid="expert-form"
      >
        <ExpertFields bureau idLast4={editing?.idLast4 ?? null} regionLocked={false} relations={editing !== null} />
      </Form>
    </Drawer>
  );
}
