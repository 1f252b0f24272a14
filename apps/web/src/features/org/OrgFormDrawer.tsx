import { isValidUscc, orgKinds, type TOrg, type TOrgCreate, type TOrgKind } from '@kechuang/contracts';
import { Alert, App, Button, Drawer, Flex, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RegionPicker } from '../../components/RegionPicker.tsx';
import { isApiError } from '../../lib/api.ts';
import { useErrorText } from '../../lib/error-text.ts';
import { applyFieldErrors } from '../../lib/form-errors.ts';
import { fetchOrg, useSaveOrg } from './org-api.ts';

interface OrgFormValues {
  name: string;
  shortName?: string;
  kind: TOrgKind;
  regionCode: string;
  uscc?: string;
  contact?: string;
  phone?: string;
}

const codeFields: Record<string, string> = {
  'org/duplicate_name': 'name',
  'org/duplicate_uscc': 'uscc',
  'org/invalid_uscc': 'uscc',
  'region/not_found': 'regionCode',
  'region/retired': 'regionCode',
};

const blankToNull = (v: string | undefined): string | null => (v?.trim() ? v.trim() : null);

function toValues(org: TOrg): OrgFormValues {
  return {
    name: org.name,
    shortName: org.shortName ?? '',
    kind: org.kind,
    regionCode: org.regionCode,
    uscc: org.uscc ?? '',
    contact: org.contact ?? '',
    phone: org.phone ?? '',
  };
}

/** Mount with a fresh `key` for each opening: the form starts from `org` every time. */
export interface OrgFormDrawerProps {
  open: boolean;
  /** The organisation to edit, or null to create one. */
  org: TOrg | null;
  onClose: () => void;
}

export function OrgFormDrawer({ open, org, onClose }: OrgFormDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<OrgFormValues>();
  const save = useSaveOrg();
  const [current, setCurrent] = useState<TOrg | null>(org);
  const [conflict, setConflict] = useState(false);

  const onFinish = (values: OrgFormValues) => {
    const input: TOrgCreate = {
      name: values.name.trim(),
      shortName: blankToNull(values.shortName),
      kind: values.kind,
      regionCode: values.regionCode,
      uscc: blankToNull(values.uscc)?.toUpperCase() ?? null,
      contact: blankToNull(values.contact),
      phone: blankToNull(values.phone),
    };
    save.mutate(
      { ...(current ? { id: current.id, version: current.version } : {}), input },
      {
        onSuccess: (saved) => {
          message.success(t(current ? 'org.updated' : 'org.created', { name: saved.name }));
          onClose();
        },
        onError: async (e) => {
          if (isApiError(e) && e.code === 'common/conflict' && current) {
            // Someone saved in between: show their version rather than overwrite it.
            const latest = await fetchOrg(current.id).catch(() => null);
            if (latest) {
              setCurrent(latest);
              form.setFieldsValue(toValues(latest));
            }
            setConflict(true);
            return;
          }
          applyFieldErrors(form, e, errorText(e), codeFields);
        },
      },
    );
  };

  const showGeneral = save.error && !conflict && !(isApiError(save.error) && codeFields[save.error.code]);

  return (
    <Drawer
      title={current ? t('org.editTitle') : t('org.createTitle')}
      open={open}
      onClose={onClose}
      size={520}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.actions.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t('common.actions.save')}
          </Button>
        </Flex>
      }
    >
      {conflict ? <Alert type="warning" showIcon title={t('org.conflictReloaded')} style={{ marginBottom: 16 }} /> : null}
      {showGeneral ? <Alert type="error" showIcon title={errorText(save.error)} style={{ marginBottom: 16 }} /> : null}
      <Form<OrgFormValues> form={form} layout="vertical" onFinish={onFinish} initialValues={org ? toValues(org) : { kind: 'department' }}>
        <Form.Item name="name" label={t('org.fields.name')} rules={[{ required: true, whitespace: true }, { min: 2 }, { max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="shortName" label={t('org.fields.shortName')} rules={[{ max: 30 }]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="kind" label={t('org.fields.kind')} rules={[{ required: true }]}>
          <Select options={orgKinds.map((k) => ({ value: k, label: t(`common.orgKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('org.fields.region')} extra={t('org.hints.region')} rules={[{ required: true }]}>
          <RegionPicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="uscc"
          label={t('org.fields.uscc')}
          extra={t('org.hints.uscc')}
          normalize={(v: string) => v.toUpperCase().replace(/\s/g, '')}
          rules={[
            {
              validator: async (_rule, value: string | undefined) => {
                if (value && !isValidUscc(value)) throw new Error(t('org.usccInvalid'));
              },
            },
          ]}
        >
          <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item name="contact" label={t('org.fields.contact')} rules={[{ max: 50 }]} style={{ flex: 1 }}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="phone" label={t('org.fields.phone')} rules={[{ max: 30 }]} style={{ flex: 1 }}>
            <Input maxLength={30} />
          </Form.Item>
        </Flex>
      </Form>
    </Drawer>
  );
}
