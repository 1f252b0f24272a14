import {
  applicantKinds,
  ladderRungs,
  programmeKinds,
  type TCall,
  type TCallInput,
  type TDemand,
  type TProgrammeKind,
} from '@kechuang/contracts';
import { App, Button, type ButtonProps, Checkbox, DatePicker, Flex, Form, Input, InputNumber, Modal, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RegionMultiSelect } from '../../components/RegionMultiSelect.tsx';
import { api } from '../../lib/api.ts';
import { bureauYear } from '../../lib/bureau-date.ts';
import { useErrorText } from '../../lib/error-text.ts';
import { applyFieldErrors } from '../../lib/form-errors.ts';
import { useCurrentUser } from '../auth/auth-api.ts';
import { fenToWan, isWanText, wanToFen } from '../enterprise/money.ts';
import { fromBureauWallTime, toBureauWallTime } from './call-time.ts';
import { DemandFields } from './DemandFields.tsx';
import { useProgrammes, useProjectMutation } from './project-api.ts';

interface CallForm {
  programmeId: number;
  year: number;
  title: string;
  directions: string[];
  maxGrantWan: string;
  budgetWan: string;
  opensAt: Dayjs;
  closesAt: Dayjs;
  requiredAttachments: string[];
  limitPerUnit: number | null;
  limitPerLeader: number | null;
  recommendation: TCallInput['recommendation'];
  applicantKinds: TCallInput['eligibility']['applicantKinds'];
  regionCodes: string[];
  rungsAnyOf: TCallInput['eligibility']['rungsAnyOf'];
  /** 揭榜挂帅 only */
  demand?: TDemand | null;
}

const wall = (d: Dayjs) => fromBureauWallTime(d.format('YYYY-MM-DD HH:mm')) ?? '';

function toForm(c: TCall): CallForm {
  return {
    ...c,
    maxGrantWan: fenToWan(c.maxGrantFen),
    budgetWan: fenToWan(c.budgetFen),
    opensAt: dayjs(toBureauWallTime(c.opensAt)),
    closesAt: dayjs(toBureauWallTime(c.closesAt)),
    applicantKinds: c.eligibility.applicantKinds,
    regionCodes: c.eligibility.regionCodes,
    rungsAnyOf: c.eligibility.rungsAnyOf,
    ...(c.demand ? { demand: c.demand } : {}),
  };
}

/** 申报指南 form: programme, 支持方向, 资助强度 in 万元, the window in Beijing time, attachments, 限项 and eligibility as data. */
export function CallFormModal(props: { editing: TCall | 'new' | null; onClose: () => void; save: (input: TCallInput) => Promise<TCall> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { user } = useCurrentUser();
  const [form] = Form.useForm<CallForm>();
  const programmes = useProgrammes();
  const save = useProjectMutation(props.save);
  const programmeId = Form.useWatch('programmeId', form);
  const openCompetition = programmes.data?.find((p) => p.id === programmeId)?.kind === 'open_competition';
  const { editing } = props;
  useEffect(() => {
    if (editing === null) return;
    form.resetFields();
    if (editing !== 'new') form.setFieldsValue(toForm(editing));
  }, [editing, form]);
  const wanRule = {
    validator: (_: unknown, v: string) => (isWanText(v ?? '') ? Promise.resolve() : Promise.reject(t('project.page.wanInvalid'))),
  };
  const submit = (v: CallForm) => {
    const input: TCallInput = {
      programmeId: v.programmeId,
      regionCode: editing && editing !== 'new' ? editing.regionCode : user.regionCode,
      year: v.year,
      title: v.title,
      directions: v.directions ?? [],
      maxGrantFen: wanToFen(v.maxGrantWan) ?? 0,
      budgetFen: wanToFen(v.budgetWan) ?? 0,
      opensAt: wall(v.opensAt),
      closesAt: wall(v.closesAt),
      requiredAttachments: v.requiredAttachments ?? [],
      limitPerUnit: v.limitPerUnit ?? null,
      limitPerLeader: v.limitPerLeader ?? null,
      recommendation: v.recommendation,
      eligibility: { applicantKinds: v.applicantKinds, regionCodes: v.regionCodes ?? [], rungsAnyOf: v.rungsAnyOf ?? [] },
      // 揭榜挂帅 publishes a 榜单; other programmes carry none
      demand: openCompetition && v.demand ? v.demand : null,
    };
    save.mutate(input, {
      onSuccess: () => {
        message.success(t('common.saved'));
        props.onClose();
      },
      onError: (e) => {
        if (!applyFieldErrors(form, e, errorText(e))) message.error(errorText(e));
      },
    });
  };
  return (
    <Modal
      open={editing !== null}
      title={editing === 'new' ? t('project.page.call.create') : t('project.page.call.edit')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'call-save' } as ButtonProps}
      width={820}
      destroyOnHidden
    >
      <Form<CallForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          year: bureauYear(),
          recommendation: 'direct',
          applicantKinds: ['enterprise'],
          directions: [],
          requiredAttachments: [],
        }}
      >
        <Flex gap={12} align="end">
          <Form.Item name="programmeId" label={t('project.page.call.programme')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <Select
              loading={programmes.isPending}
              options={(programmes.data ?? []).map((p) => ({
                value: p.id,
                label: `${p.name}（${t(`project.programmeKinds.${p.kind}`)}）`,
              }))}
            />
          </Form.Item>
          <AddProgramme regionCode={user.regionCode} onAdded={(id) => form.setFieldValue('programmeId', id)} />
        </Flex>
        <Flex gap={12}>
          <Form.Item name="title" label={t('project.page.call.title')} rules={[{ required: true, max: 200 }]} style={{ flex: 1 }}>
            <Input />
          </Form.Item>
          <Form.Item name="year" label={t('project.page.call.year')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
        </Flex>
        {openCompetition ? <DemandFields /> : null}
        <Form.Item name="directions" label={t('project.fields.directions')} extra={t('project.page.call.tagsHint')}>
          <Select mode="tags" open={false} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item
            name="maxGrantWan"
            label={t('project.page.withWan', { label: t('project.fields.maxGrant') })}
            rules={[wanRule]}
            style={{ flex: 1 }}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="budgetWan"
            label={t('project.page.withWan', { label: t('project.page.call.budget') })}
            rules={[wanRule]}
            style={{ flex: 1 }}
          >
            <Input />
          </Form.Item>
        </Flex>
        <Flex gap={12}>
          <Form.Item
            name="opensAt"
            label={t('project.page.withBeijing', { label: t('project.fields.opensAt') })}
            rules={[{ required: true }]}
            style={{ flex: 1 }}
          >
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="closesAt"
            label={t('project.page.withBeijing', { label: t('project.fields.closesAt') })}
            rules={[{ required: true }]}
            style={{ flex: 1 }}
          >
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item name="requiredAttachments" label={t('project.fields.requiredAttachments')} extra={t('project.page.call.tagsHint')}>
          <Select mode="tags" open={false} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="limitPerUnit" label={t('project.fields.limitPerUnit')} style={{ flex: 1 }}>
            <InputNumber min={1} max={1000} placeholder={t('project.page.call.noLimit')} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="limitPerLeader" label={t('project.fields.limitPerLeader')} style={{ flex: 1 }}>
            <InputNumber min={1} max={100} placeholder={t('project.page.call.noLimit')} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item name="recommendation" label={t('project.page.call.recommendation')} rules={[{ required: true }]}>
          <Radio.Group
            options={(['direct', 'region', 'department'] as const).map((r) => ({ value: r, label: t(`project.recommendation.${r}`) }))}
          />
        </Form.Item>
        <Form.Item name="applicantKinds" label={t('project.page.call.applicantKinds')} rules={[{ required: true, type: 'array', min: 1 }]}>
          <Checkbox.Group options={applicantKinds.map((k) => ({ value: k, label: t(`project.page.applicantKinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="regionCodes" label={t('project.page.call.regions')} extra={t('project.page.call.regionsHint')}>
          <RegionMultiSelect />
        </Form.Item>
        <Form.Item name="rungsAnyOf" label={t('project.page.call.rungs')} extra={t('project.page.call.rungsHint')}>
          <Select mode="multiple" options={ladderRungs.map((r) => ({ value: r, label: t(`enterprise.rungs.${r}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A new 计划类别 of the bureau's region, added without leaving the call form. */
function AddProgramme({ regionCode, onAdded }: { regionCode: string; onAdded: (id: number) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<TProgrammeKind>('natural_science');
  const [name, setName] = useState('');
  const add = useProjectMutation(() => api.post<{ id: number }>('/api/project-programmes', { regionCode, kind, name }));
  if (!open)
    return (
      <Form.Item>
        <Button onClick={() => setOpen(true)} data-testid="programme-add">
          {t('project.page.call.addProgramme')}
        </Button>
      </Form.Item>
    );
  return (
    <Form.Item>
      <Space.Compact>
        <Select<TProgrammeKind>
          value={kind}
          onChange={setKind}
          style={{ width: 130 }}
          data-testid="programme-kind"
          options={programmeKinds.map((k) => ({ value: k, label: t(`project.programmeKinds.${k}`) }))}
        />
        <Input
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder={t('project.page.call.programmeName')}
          style={{ width: 180 }}
        />
        <Button
          type="primary"
          loading={add.isPending}
          disabled={!name.trim()}
          data-testid="programme-save"
          onClick={() =>
            add.mutate(undefined, {
              onSuccess: (p) => {
                onAdded(p.id);
                setOpen(false);
                setName('');
              },
              onError: (e) => message.error(errorText(e)),
            })
          }
        >
          {t('common.actions.save')}
        </Button>
      </Space.Compact>
    </Form.Item>
  );
}
