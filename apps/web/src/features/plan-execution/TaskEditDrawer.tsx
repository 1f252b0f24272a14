import { BulbOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { TAssignmentSuggestions, TCycle, TExecNode, TMilestone, TPlanExec } from '@kechuang/contracts';
import {
  Alert,
  App,
  Button,
  Checkbox,
  DatePicker,
  Divider,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/error-text.ts';
import { usePatchNode, useSetAssignments } from './exec-api.ts';
import { oneLine } from './tree-edit.ts';
import { UnitsSelect } from './UnitsSelect.tsx';

interface MilestoneValues {
  title: string;
  due: Dayjs | null;
  done: boolean;
}

interface Values {
  number: string;
  title: string;
  parentId: number | null;
  lead: number[];
  co: number[];
  leader: string;
  startDate: Dayjs | null;
  dueDate: Dayjs | null;
  cycle: TCycle;
  cycleDueDay: number;
  customDueDates: Dayjs[];
  weight: number;
  milestones: MilestoneValues[];
  reason: string;
}

/** the API's limits (ZPlanNodePatch, ZMilestone) */
const maxMilestones = 50;
const maxMilestoneTitle = 200;

const cycles: TCycle[] = ['monthly', 'quarterly', 'custom', 'none'];
const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const sameIds = (a: number[], b: number[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();
const milestonesOf = (list: MilestoneValues[] | undefined): TMilestone[] =>
  (list ?? []).map((m) => ({ title: (m.title ?? '').trim(), due: iso(m.due), done: Boolean(m.done) }));

/**
 * 分工与安排 of one task: its number and title, lead and co-units (suggested from the imported unit names),
 * its schedule and milestones. Task fields go out in one PATCH (one new plan version), the units in one PUT.
 */
export function TaskEditDrawer({
  plan,
  node,
  suggestions,
  open,
  onClose,
}: {
  plan: TPlanExec;
  node: TExecNode | null;
  suggestions: TAssignmentSuggestions | undefined;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const patch = usePatchNode(plan.id);
  const assign = useSetAssignments(plan.id);
  const cycle = Form.useWatch('cycle', form);

  const suggestion = suggestions?.tasks.find((s) => s.nodeId === node?.id);
  const orgOptions = useMemo(() => {
    const list = (suggestions?.orgs ?? []).map((o) => ({ value: o.orgId, label: o.name }));
    // keep units already assigned even when they are no longer offered
    for (const o of [...(node?.leadOrgs ?? []), ...(node?.coOrgs ?? [])])
      if (!list.some((x) => x.value === o.orgId)) list.push({ value: o.orgId, label: o.name });
    return list;
  }, [suggestions, node]);

  if (!node) return null;
  const initial: Values = {
    number: node.number,
    title: node.title,
    parentId: node.parentId,
    lead: node.leadOrgs.map((o) => o.orgId),
    co: node.coOrgs.map((o) => o.orgId),
    leader: node.leader ?? '',
    startDate: node.startDate ? dayjs(node.startDate) : null,
    dueDate: node.dueDate ? dayjs(node.dueDate) : null,
    cycle: node.cycle,
    cycleDueDay: node.cycleDueDay,
    customDueDates: node.customDueDates.map((d) => dayjs(d)),
    weight: node.weight,
    milestones: node.milestones.map((m) => ({ title: m.title, due: m.due ? dayjs(m.due) : null, done: m.done })),
    reason: '',
  };

  const applySuggestion = () => {
    if (!suggestion) return;
    form.setFieldsValue({ lead: suggestion.lead.map((o) => o.orgId), co: suggestion.co.map((o) => o.orgId) });
  };

  const save = async (v: Values) => {
    try {
      const milestones = milestonesOf(v.milestones);
      const schedule = {
        number: (v.number ?? '').trim(),
        title: oneLine(v.title),
        leader: (v.leader ?? '').trim() || null,
        startDate: iso(v.startDate),
        dueDate: iso(v.dueDate),
        cycle: v.cycle,
        cycleDueDay: v.cycleDueDay ?? node.cycleDueDay,
        // the dates field is only on the form for a custom cycle; otherwise keep what the task has
        customDueDates: v.cycle === 'custom' ? (v.customDueDates ?? []).map((d) => d.format('YYYY-MM-DD')) : node.customDueDates,
        weight: v.weight,
        milestones,
        // 所属章节: a move to another section is part of the same edit
        ...(v.parentId !== node.parentId ? { parentId: v.parentId ?? null } : {}),
      };
      const changed =
        schedule.number !== node.number ||
        schedule.title !== node.title ||
        JSON.stringify(milestones) !== JSON.stringify(milestonesOf(initial.milestones)) ||
        schedule.leader !== node.leader ||
        schedule.startDate !== node.startDate ||
        schedule.dueDate !== node.dueDate ||
        schedule.cycle !== node.cycle ||
        schedule.cycleDueDay !== node.cycleDueDay ||
        schedule.customDueDates.join() !== node.customDueDates.join() ||
        schedule.weight !== node.weight ||
        'parentId' in schedule;
      if (changed) await patch.mutateAsync({ nodeId: node.id, version: plan.version, reason: (v.reason ?? '').trim(), ...schedule });
      if (!sameIds(v.lead, initial.lead) || !sameIds(v.co, initial.co))
        await assign.mutateAsync({ nodeId: node.id, lead: v.lead, co: v.co });
      message.success(t('planExec.edit.saved'));
      onClose();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={560}
      destroyOnHidden
      title={t('planExec.edit.title', { number: node.number, title: node.title })}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.actions.cancel')}</Button>
          <Button type="primary" loading={patch.isPending || assign.isPending} onClick={() => form.submit()} data-testid="task-edit-save">
            {t('common.actions.save')}
          </Button>
        </Flex>
      }
      data-testid="task-edit-drawer"
    >
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={save} requiredMark="optional">
        <Flex gap={12}>
          <Form.Item name="number" label={t('planExec.tree.number')} style={{ width: 120 }} rules={[{ max: 20 }]}>
            <Input maxLength={20} data-testid="task-edit-number" />
          </Form.Item>
          <Form.Item
            name="title"
            label={t('planExec.tree.title')}
            style={{ flex: 1 }}
            rules={[{ required: true, whitespace: true, max: 500 }]}
          >
            <Input.TextArea
              autoSize={{ minRows: 1, maxRows: 4 }}
              maxLength={500}
              onPressEnter={(e) => e.preventDefault()}
              data-testid="task-edit-title"
            />
          </Form.Item>
        </Flex>
        <Form.Item name="parentId" label={t('planExec.tree.section')} extra={t('planExec.tree.sectionHint')}>
          <Select<number | null>
            options={[
              ...plan.nodes
                .filter((n) => n.kind === 'section')
                .sort((a, b) => a.position - b.position)
                .map((n) => ({ value: n.id as number | null, label: `${n.number} ${n.title}`.trim() })),
              ...(node.parentId === null ? [{ value: null, label: t('planExec.tree.topLevel') }] : []),
            ]}
            data-testid="task-edit-section"
          />
        </Form.Item>
        {node.leadUnits.length + node.coUnits.length > 0 ? (
          <Alert
            type="info"
            showIcon
            icon={<BulbOutlined />}
            style={{ marginBottom: 16 }}
            title={
              <Space orientation="vertical" size={4}>
                <span>
                  {t('planExec.edit.imported')}：{t('planExec.fields.lead')} {node.leadUnits.join('、') || t('common.none')}；
                  {t('planExec.fields.co')} {node.coUnits.join('、') || t('common.none')}
                </span>
                {suggestion && suggestion.lead.length + suggestion.co.length > 0 ? (
                  <span>
                    {t('planExec.edit.suggested')}：
                    {[...suggestion.lead, ...suggestion.co].map((o) => (
                      <Tag key={o.orgId} style={{ marginBottom: 2 }}>
                        {o.name}
                      </Tag>
                    ))}
                    <Button size="small" type="link" onClick={applySuggestion} data-testid="apply-suggestion">
                      {t('planExec.edit.apply')}
                    </Button>
                  </span>
                ) : null}
                {suggestion?.unmatched.length ? (
                  <Typography.Text type="secondary">
                    {t('planExec.edit.unmatched', { names: suggestion.unmatched.join('、') })}
                  </Typography.Text>
                ) : null}
              </Space>
            }
          />
        ) : null}
        <Form.Item
          name="lead"
          label={t('planExec.fields.lead')}
          required
          dependencies={['co']}
          rules={[
            {
              // a task once assigned, or given co-units, needs a lead unit; an unassigned task may stay so
              validator: (_, value: number[]) =>
                (value?.length ?? 0) === 0 && ((form.getFieldValue('co')?.length ?? 0) > 0 || initial.lead.length > 0)
                  ? Promise.reject(new Error(t('planExec.edit.leadMissing')))
                  : Promise.resolve(),
            },
          ]}
          extra={(node?.leadOrgs.length ?? 0) === 0 ? t('planExec.edit.leadHint') : undefined}
        >
          <UnitsSelect
            options={orgOptions}
            optionFilterProp="label"
            placeholder={t('planExec.edit.orgPlaceholder')}
            data-testid="assign-lead"
          />
        </Form.Item>
        <Form.Item name="co" label={t('planExec.fields.co')}>
          <UnitsSelect
            options={orgOptions}
            optionFilterProp="label"
            placeholder={t('planExec.edit.orgPlaceholder')}
            data-testid="assign-co"
          />
        </Form.Item>
        <Divider style={{ margin: '8px 0 16px' }} />
        <Form.Item name="leader" label={t('planExec.fields.leader')}>
          <Input maxLength={100} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="startDate" label={t('planExec.fields.startDate')} style={{ flex: 1 }}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="dueDate"
            label={t('planExec.fields.dueDate')}
            style={{ flex: 1 }}
            dependencies={['startDate']}
            rules={[
              {
                validator: (_, value: Dayjs | null) => {
                  const start = form.getFieldValue('startDate') as Dayjs | null;
                  return value && start && value.isBefore(start, 'day')
                    ? Promise.reject(new Error(t('planExec.edit.dueBeforeStart')))
                    : Promise.resolve();
                },
              },
            ]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Flex gap={12}>
          <Form.Item name="cycle" label={t('planExec.fields.cycle')} style={{ flex: 1 }}>
            <Select options={cycles.map((c) => ({ value: c, label: t(`planExec.cycle.${c}`) }))} data-testid="assign-cycle" />
          </Form.Item>
          {cycle === 'monthly' || cycle === 'quarterly' ? (
            <Form.Item
              name="cycleDueDay"
              label={t('planExec.fields.cycleDueDay')}
              style={{ flex: 1 }}
              tooltip={t('planExec.edit.dueDayHint')}
            >
              <InputNumber min={1} max={28} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          ) : null}
          <Form.Item name="weight" label={t('planExec.fields.weight')} style={{ flex: 1 }} tooltip={t('planExec.edit.weightHint')}>
            <InputNumber min={0} max={1000} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        {cycle === 'custom' ? (
          <Form.Item
            name="customDueDates"
            label={t('planExec.fields.customDueDates')}
            rules={[{ required: true, type: 'array', min: 1, message: t('planExec.edit.customRequired') }]}
          >
            <DatePicker multiple style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
        <Divider style={{ margin: '8px 0 16px' }} />
        <MilestonesEditor />
        <Form.Item name="reason" label={t('planExec.fields.reason')} extra={t('planExec.edit.reasonHint')}>
          <Input maxLength={500} data-testid="task-edit-reason" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

/** 里程碑: a title (required), an optional due date and a done mark per row; at most 50. */
function MilestonesEditor() {
  const { t } = useTranslation();
  return (
    <Form.Item label={t('planExec.fields.milestones')} tooltip={t('planExec.milestones.hint')} style={{ marginBottom: 16 }}>
      <Form.List name="milestones">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8} data-testid="milestones">
            {fields.map(({ key, name }) => (
              <Flex key={key} gap={8} align="flex-start" data-testid="milestone-row">
                <Form.Item name={[name, 'done']} valuePropName="checked" style={{ marginBottom: 0 }}>
                  <Checkbox data-testid="milestone-done">{t('planExec.milestones.done')}</Checkbox>
                </Form.Item>
                <Form.Item
                  name={[name, 'title']}
                  style={{ flex: 1, marginBottom: 0 }}
                  rules={[
                    { required: true, whitespace: true, message: t('planExec.milestones.titleRequired') },
                    { max: maxMilestoneTitle },
                  ]}
                >
                  <Input maxLength={maxMilestoneTitle} placeholder={t('planExec.milestones.title')} data-testid="milestone-title" />
                </Form.Item>
                <Form.Item name={[name, 'due']} style={{ width: 140, marginBottom: 0 }}>
                  <DatePicker placeholder={t('planExec.milestones.due')} style={{ width: '100%' }} data-testid="milestone-due" />
                </Form.Item>
                <Tooltip title={t('planExec.milestones.remove')}>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    onClick={() => remove(name)}
                    aria-label={t('planExec.milestones.remove')}
                    data-testid="milestone-remove"
                  />
                </Tooltip>
              </Flex>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ title: '', due: null, done: false })}
              disabled={fields.length >= maxMilestones}
              block
              data-testid="milestone-add"
            >
              {fields.length >= maxMilestones ? t('planExec.milestones.max', { count: maxMilestones }) : t('planExec.milestones.add')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}
