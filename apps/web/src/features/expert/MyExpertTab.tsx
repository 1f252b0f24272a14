import type { TExpert } from '@kechuang/contracts';
import { Alert, App, Button, Card, Drawer, Form } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageSkeleton } from '../../components/PageSkeleton.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useErrorText } from '../../lib/error-text.ts';
import { applyFieldErrors } from '../../lib/form-errors.ts';
import { useCurrentUser } from '../auth/auth-api.ts';
import { ExpertDetails } from './ExpertDetails.tsx';
import { ExpertFields, type ExpertFormValues, toFormValues, toInput } from './ExpertForm.tsx';
import { expertApi, useExpertMutation, useMyExpert } from './expert-api.ts';
import { RelationsCard, UnavailableCard } from './MyDeclarations.tsx';

/**
 * 我的专家信息: an expert's own entry. Before there is one, the profile form submits it for the bureau's
 * approval; afterwards the expert keeps the profile, the declared relations and the unavailable dates (edits
 * of an approved entry apply at once and are recorded — see core/expert/self-service.ts).
 */
export function MyExpertTab() {
  const { t } = useTranslation();
  const mine = useMyExpert();
  const [editing, setEditing] = useState(false);
  if (mine.isError) return <QueryError error={mine.error} onRetry={() => mine.refetch()} />;
  if (mine.isPending) return <PageSkeleton />;
  const e = mine.data.expert;
  if (!e)
    return (
      <Card title={t('expert.me.joinTitle')} data-testid="expert-join">
        <Alert type="info" showIcon title={t('expert.me.joinHint')} style={{ marginBottom: 16 }} />
        <ProfileForm expert={null} onDone={() => undefined} />
      </Card>
    );
  return (
    <div data-testid="expert-me">
      <StatusBanner e={e} />
      <Card
        title={t('expert.me.profile')}
        style={{ marginBottom: 16 }}
        extra={
          e.status !== 'removed' ? (
            <Button onClick={() => setEditing(true)} data-testid="expert-me-edit">
              {t('expert.me.edit')}
            </Button>
          ) : null
        }
      >
        <ExpertDetails e={e} own />
      </Card>
      {e.status !== 'removed' ? (
        <>
          <RelationsCard e={e} />
          <UnavailableCard e={e} />
        </>
      ) : null}
      <Drawer open={editing} onClose={() => setEditing(false)} size={880} title={t('expert.me.edit')} destroyOnHidden>
        <ProfileForm expert={e} onDone={() => setEditing(false)} />
      </Drawer>
    </div>
  );
}

function StatusBanner({ e }: { e: TExpert }) {
  const { t } = useTranslation();
  const lastReason = e.history.find((h) => h.reason)?.reason ?? null;
  const type = e.status === 'active' ? 'success' : e.status === 'pending' ? 'info' : 'warning';
  return (
    <Alert
      type={type}
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="expert-me-status"
      title={t(`expert.me.status.${e.status}`)}
      description={
        (e.status === 'rejected' || e.status === 'paused' || e.status === 'removed') && lastReason
          ? t('expert.reasonLine', { reason: lastReason })
          : undefined
      }
    />
  );
}

function ProfileForm({ expert, onDone }: { expert: TExpert | null; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { user } = useCurrentUser();
  const [form] = Form.useForm<ExpertFormValues>();
  const save = useExpertMutation((v: ExpertFormValues) =>
    expertApi.saveMine({ ...toInput(v, false), ...(expert ? { version: expert.version } : {}) }),
  );
  const locked = expert !== null && expert.status !== 'pending' && expert.status !== 'rejected';
  return (
    <Form<ExpertFormValues>
      form={form}
      layout="vertical"
      initialValues={
        expert
          ? toFormValues(expert, user.regionCode)
          : // a first entry starts from the account: its unit as the current employer, its phone and email
            {
              ...toFormValues(null, user.regionCode),
              phone: user.phone,
              email: user.email,
              employments: [{ orgName: user.orgName, fromDate: null, toDate: null }],
            }
      }
      onFinish={(v) =>
        save.mutate(v, {
          onSuccess: () => {
            message.success(expert ? t('common.saved') : t('expert.me.submitted'));
            onDone();
          },
          onError: (err) => {
            const text = errorText(err);
            if (!applyFieldErrors(form, err, text, { 'expert/duplicate_person': 'idNumber', 'expert/region_locked': 'regionCode' }))
              message.error(text);
          },
        })
      }
      data-testid="expert-me-form"
    >
      <ExpertFields bureau={false} idLast4={expert?.idLast4 ?? null} regionLocked={locked} />
      <div style={{ marginTop: 24 }}>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="expert-me-save">
          {expert ? t('common.actions.save') : t('expert.me.submit')}
        </Button>
      </div>
    </Form>
  );
}
