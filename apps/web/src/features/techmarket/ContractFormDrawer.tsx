import { DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { TTechContract, TTechContractDetail, TTechContractDraft } from '@kechuang/contracts';
import {
  Alert,
  App,
  AutoComplete,
  Button,
  DatePicker,
  Divider,
  Drawer,
  Flex,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Typography,
  Upload,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PageSkeleton } from '../../components/PageSkeleton.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RegionPicker } from '../../components/RegionPicker.tsx';
import { useErrorText } from '../../lib/error-text.ts';
import { fenToWan, isWanText, wanToFen } from '../enterprise/money.ts';
import { ContractDetails, ContractTimeline } from './ContractDetails.tsx';
import { ipTypes, projectSources, socioGoals, subjectGroups, techFields } from './form-vocab.ts';
import { contractApi, useContract, useTechmarketMutation } from './techmarket-api.ts';

interface FormValues {
  name: string;
  subject: TTechContract['subject'];
  buyerName: string;
  buyerRegionCode: string;
  amountWan: string;
  techField: string;
  ipType: string;
  socioGoal: string;
  projectSource?: string;
  signedOn: Dayjs;
  payments?: { dueOn?: Dayjs; amountWan?: string; note?: string }[];
}

function toDraft(v: FormValues): TTechContractDraft {
  return {
    name: v.name,
    subject: v.subject,
    buyerName: v.buyerName,
    buyerRegionCode: v.buyerRegionCode,
    contractAmountFen: wanToFen(v.amountWan) ?? 0,
    techField: v.techField,
    ipType: v.ipType,
    socioGoal: v.socioGoal,
    projectSource: v.projectSource ?? '',
    signedOn: v.signedOn.format('YYYY-MM-DD'),
    payments: (v.payments ?? [])
      .filter((p) => p.dueOn && p.amountWan)
      .map((p) => ({ dueOn: (p.dueOn as Dayjs).format('YYYY-MM-DD'), amountFen: wanToFen(p.amountWan) ?? 0, note: p.note ?? '' })),
  };
}

function toForm(c: TTechContract): FormValues {
  return {
    name: c.name,
    subject: c.subject,
    buyerName: c.buyerName,
    buyerRegionCode: c.buyerRegionCode,
    amountWan: fenToWan(c.contractAmountFen),
    techField: c.techField,
    ipType: c.ipType,
    socioGoal: c.socioGoal,
    projectSource: c.projectSource,
    signedOn: dayjs(c.signedOn),
    payments: c.payments.map((p) => ({ dueOn: dayjs(p.dueOn), amountWan: fenToWan(p.amountFen), note: p.note })),
  };
}

/**
 * 我的合同 — one contract: a new draft, a draft or a contract under 补正 to edit, upload and submit; any other
 * to read, with its 登记证明 once registered.
 */
export function ContractFormDrawer(props: { id: number | null; open: boolean; onClose: () => void; onCreated: (id: number) => void }) {
  const { id, open, onClose } = props;
  const { t } = useTranslation();
  const detail = useContract(id ?? undefined);
  const c = detail.data?.contract;
  const editable = id === null || (c !== undefined && (c.status === 'draft' || c.status === 'correction_requested'));
  return (
    <Drawer open={open} onClose={onClose} size={920} title={c?.name ?? t('techmarket.contract.new')} destroyOnHidden>
      {detail.isError ? <QueryError error={detail.error} onRetry={() => detail.refetch()} /> : null}
      {id !== null && detail.isPending ? <PageSkeleton /> : null}
      <div data-testid="contract-drawer">
        {id === null ? <ContractForm detail={null} onClose={onClose} onCreated={props.onCreated} /> : null}
        {detail.data && editable ? (
          <ContractForm key={detail.data.contract.version} detail={detail.data} onClose={onClose} onCreated={props.onCreated} />
        ) : null}
        {detail.data && !editable ? <ContractDetails detail={detail.data} /> : null}
      </div>
    </Drawer>
  );
}

function ContractForm(props: { detail: TTechContractDetail | null; onClose: () => void; onCreated: (id: number) => void }) {
  const { detail, onClose } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<FormValues>();
  const c = detail?.contract;
  const save = useTechmarketMutation((v: FormValues) => (c ? contractApi.update(c, toDraft(v)) : contractApi.create(toDraft(v))));
  const upload = useTechmarketMutation((file: File) => contractApi.upload({ id: c?.id ?? 0 }, file));
  const submit = useTechmarketMutation(async (v: FormValues) => {
    if (!c) throw new Error('no contract');
    const saved = await contractApi.update(c, toDraft(v));
    return contractApi.submit(saved);
  });
  const files = detail?.events.filter((e) => e.kind === 'file.upload').map((e) => String(e.detail.filename ?? '')) ?? [];
  const correction = c?.status === 'correction_requested' ? c.note : null;
  return (
    <>
      {correction ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('techmarket.contract.correctionAsked')}
          description={correction}
          data-testid="contract-correction"
        />
      ) : null}
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={c ? toForm(c) : { payments: [] }}
        onFinish={(v) =>
          save.mutate(v, {
            onSuccess: (saved) => {
              message.success(t('common.saved'));
              if (!c) props.onCreated(saved.id);
            },
            onError: (e) => message.error(errorText(e)),
          })
        }
      >
        <Form.Item name="name" label={t('techmarket.fields.name')} rules={[{ required: true, min: 2, max: 200 }]}>
          <Input />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item name="subject" label={t('techmarket.fields.subject')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <Select
              options={subjectGroups.map((g) => ({
                label: t(`techmarket.types.${g.type}`),
                title: g.type,
                options: g.subjects.map((s) => ({ value: s, label: t(`techmarket.subjects.${s}`) })),
              }))}
            />
          </Form.Item>
          <Form.Item name="signedOn" label={t('techmarket.fields.signedOn')} rules={[{ required: true }]} style={{ width: 200 }}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Flex gap={16}>
          <Form.Item
            name="buyerName"
            label={t('techmarket.fields.buyerName')}
            rules={[{ required: true, min: 2, max: 100 }]}
            style={{ flex: 1 }}
          >
            <Input />
          </Form.Item>
          <Form.Item name="buyerRegionCode" label={t('techmarket.fields.buyerRegion')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <RegionPicker placeholder={t('techmarket.contract.regionHint')} />
          </Form.Item>
        </Flex>
        <Flex gap={16}>
          <Form.Item
            name="amountWan"
            label={t('techmarket.fields.contractAmountWan')}
            rules={[
              {
                required: true,
                validator: async (_, v) =>
                  isWanText(String(v ?? '')) && wanToFen(v) ? undefined : Promise.reject(new Error(t('techmarket.contract.amountFormat'))),
              },
            ]}
            style={{ width: 220 }}
          >
            <Input suffix={t('techmarket.wanUnit')} />
          </Form.Item>
          <Form.Item name="techField" label={t('techmarket.fields.techField')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <Select options={techFields.map((f) => ({ value: f, label: f }))} />
          </Form.Item>
          <Form.Item name="ipType" label={t('techmarket.fields.ipType')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <Select options={ipTypes.map((f) => ({ value: f, label: f }))} />
          </Form.Item>
        </Flex>
        <Flex gap={16}>
          <Form.Item name="socioGoal" label={t('techmarket.fields.socioGoal')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <Select options={socioGoals.map((f) => ({ value: f, label: f }))} />
          </Form.Item>
          <Form.Item name="projectSource" label={t('techmarket.fields.projectSource')} style={{ flex: 1 }}>
            <AutoComplete options={projectSources.map((f) => ({ value: f }))} />
          </Form.Item>
        </Flex>
        <Typography.Text strong>{t('techmarket.fields.payments')}</Typography.Text>
        <Form.List name="payments">
          {(fields, { add, remove }) => (
            <div style={{ marginTop: 8 }}>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'dueOn']} rules={[{ required: true }]}>
                    <DatePicker placeholder={t('techmarket.contract.dueOn')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'amountWan']} rules={[{ required: true, pattern: /^\d+(\.\d{1,6})?$/ }]}>
                    <Input suffix={t('techmarket.wanUnit')} style={{ width: 160 }} placeholder={t('techmarket.contract.payAmount')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'note']}>
                    <Input placeholder={t('techmarket.contract.payNote')} style={{ width: 240 }} />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    onClick={() => remove(f.name)}
                    aria-label={t('techmarket.contract.payRemove')}
                  />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add()} size="small">
                {t('techmarket.contract.payAdd')}
              </Button>
            </div>
          )}
        </Form.List>
        <Flex gap={8} style={{ marginTop: 16 }}>
          <Button htmlType="submit" loading={save.isPending} data-testid="contract-save">
            {t('techmarket.contract.saveDraft')}
          </Button>
        </Flex>
      </Form>
      {c ? (
        <>
          <Divider titlePlacement="start">{t('techmarket.contract.writtenText')}</Divider>
          <Flex gap={12} align="center" wrap>
            <Upload
              accept=".docx,.pdf"
              showUploadList={false}
              beforeUpload={(file) => {
                upload.mutate(file, {
                  onSuccess: () => message.success(t('techmarket.contract.uploaded', { name: file.name })),
                  onError: (e) => message.error(errorText(e)),
                });
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="contract-upload">
                {t('techmarket.contract.upload')}
              </Button>
            </Upload>
            <span data-testid="contract-files">
              {files.length > 0 ? files.join('、') : <Typography.Text type="warning">{t('techmarket.contract.noFile')}</Typography.Text>}
            </span>
          </Flex>
          <Divider />
          <Popconfirm
            title={t(c.status === 'correction_requested' ? 'techmarket.contract.resubmitConfirm' : 'techmarket.contract.submitConfirm')}
            onConfirm={() =>
              form
                .validateFields()
                .then((v) =>
                  submit.mutate(v, {
                    onSuccess: () => {
                      message.success(t('techmarket.contract.submitted'));
                      onClose();
                    },
                    onError: (e) => message.error(errorText(e)),
                  }),
                )
                .catch(() => undefined)
            }
          >
            <Button type="primary" loading={submit.isPending} disabled={files.length === 0} data-testid="contract-submit">
              {t(c.status === 'correction_requested' ? 'techmarket.contract.resubmit' : 'techmarket.contract.submit')}
            </Button>
          </Popconfirm>
          <Divider titlePlacement="start">{t('techmarket.contract.timeline')}</Divider>
          <ContractTimeline events={detail?.events ?? []} />
        </>
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t('techmarket.contract.saveFirst')}
        </Typography.Paragraph>
      )}
    </>
  );
}
