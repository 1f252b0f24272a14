import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { TApplication, TApplicationInput, TCall } from '@kechuang/contracts';
import { Alert, App, Button, Divider, Drawer, Flex, Form, Input, InputNumber, Popconfirm, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageSkeleton } from '../../components/PageSkeleton.tsx';
import { useErrorText } from '../../lib/error-text.ts';
import { applyFieldErrors } from '../../lib/form-errors.ts';
import { fenToWan, wanToFen } from '../enterprise/money.ts';
import { AvoidanceCard } from '../review/AvoidanceCard.tsx';
import { AppTimeline } from './AppTimeline.tsx';
import { AttachmentsCard } from './AttachmentsCard.tsx';
import { BudgetTable, budgetIsConsistent } from './BudgetTable.tsx';
import { type BudgetRowText, budgetLines, budgetToText, emptyBudget } from './budget-model.ts';
import { DemandCard } from './DemandFields.tsx';
import { applicationApi, useApplication, useCall, useProjectMutation, useRecommenders } from './project-api.ts';

interface AppForm {
  title: string;
  direction?: string | null;
  fieldCode?: string | null;
  recommenderOrgId?: number | null;
  summary?: string | null;
  leader: { name: string; idNumber: string; title?: string | null; phone?: string | null };
  members: { name: string; role: string; workMonths: number }[];
  targets: { name: string; unit: string; value: string }[];
}

function toForm(a: TApplication): AppForm {
  return {
    title: a.title,
    direction: a.direction,
    fieldCode: a.fieldCode,
    recommenderOrgId: a.recommenderOrgId,
    summary: a.summary,
    // the identity number is never sent back: the applicant types it again to save
    leader: { name: a.leader.name, idNumber: '', title: a.leader.title },
    members: a.members.map((m) => ({ name: m.person.name, role: m.role, workMonths: m.workMonths })),
    targets: a.targets.map((x) => ({ name: x.name, unit: x.unit, value: x.value })),
  };
}

/**
 * 申报书 from the call: leader and members, the budget table with its sums checked live, 考核指标, attachments.
 * A new application starts from `call`; an existing draft or returned one opens by `applicationId`. Callers key
 * the drawer by what it opens, so each opening starts from a fresh form.
 */
export function ApplicationFormDrawer(props: { call: TCall | null; applicationId: number | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<AppForm>();
  const [savedId, setSavedId] = useState<number | undefined>(props.applicationId);
  const existing = useApplication(savedId);
  const callId = props.call?.id ?? existing.data?.callId;
  const call = useCall(props.call ? undefined : callId);
  const theCall = props.call ?? call.data ?? null;
  const byDepartment = theCall?.recommendation === 'department';
  const recommenders = useRecommenders(theCall?.id, byDepartment);
  const [rows, setRows] = useState<BudgetRowText[]>(emptyBudget());
  const [totals, setTotals] = useState<[string, string]>(['', '']);
  const open = props.call !== null || props.applicationId !== undefined;
  const loaded = existing.data;
  useEffect(() => {
    if (!loaded) return;
    // an identity number typed in this session stays (it is never sent back by the server)
    const typedId: unknown = form.getFieldValue(['leader', 'idNumber']);
    const values = toForm(loaded);
    if (typeof typedId === 'string' && typedId) values.leader.idNumber = typedId;
    form.setFieldsValue(values);
    setRows(budgetToText(loaded.budget));
    setTotals([fenToWan(loaded.fiscalFen), fenToWan(loaded.selfFen)]);
  }, [loaded, form]);
  const save = useProjectMutation(async ({ v, submit }: { v: AppForm; submit: boolean }) => {
    const input: TApplicationInput = {
      title: v.title,
      direction: v.direction ?? null,
      fieldCode: v.fieldCode || null,
      recommenderOrgId: v.recommenderOrgId ?? null,
      summary: v.summary || null,
      leader: { name: v.leader.name, idNumber: v.leader.idNumber, title: v.leader.title || null, phone: v.leader.phone || null },
      members: (v.members ?? []).map((m) => ({ person: { name: m.name }, role: m.role, workMonths: m.workMonths ?? 0 })),
      budget: budgetLines(rows),
      fiscalFen: wanToFen(totals[0]) ?? 0,
      selfFen: wanToFen(totals[1]) ?? 0,
      targets: v.targets ?? [],
    };
    let app =
      savedId === undefined
        ? await applicationApi.create({ ...input, callId: callId as number })
        : await applicationApi.update(savedId, { ...input, version: loaded?.version ?? 1 });
    setSavedId(app.id);
    if (submit) app = await applicationApi.submit(app);
    return { app, submit };
  });
  const editable = !loaded || loaded.status === 'draft' || loaded.status === 'returned';
  const consistent = budgetIsConsistent(rows, totals[0], totals[1]);
  const go = (submit: boolean) =>
    form.validateFields().then(
      (v) =>
        save.mutate(
          { v, submit },
          {
            onSuccess: ({ submit: s }) => {
              message.success(s ? t('project.page.app.submitted') : t('project.page.app.draftSaved'));
              if (s) props.onClose();
            },
            onError: (e) => {
              if (!applyFieldErrors(form, e, errorText(e))) message.error(errorText(e));
            },
          },
        ),
      () => undefined,
    );
  return (
    <Drawer
      open={open}
      onClose={props.onClose}
      size={960}
      destroyOnHidden
      title={theCall ? `${t('project.page.app.formTitle')} · ${theCall.title}` : t('project.page.app.formTitle')}
      extra={
        editable ? (
          <Space>
            {loaded ? <WithdrawButton application={loaded} onDone={props.onClose} /> : null}
            <Button onClick={() => go(false)} loading={save.isPending} data-testid="app-save">
              {t('project.page.app.saveDraft')}
            </Button>
            <Button type="primary" onClick={() => go(true)} loading={save.isPending} disabled={!consistent} data-testid="app-submit">
              {loaded?.status === 'returned' ? t('project.page.app.resubmit') : t('project.page.app.submit')}
            </Button>
          </Space>
        ) : loaded && withdrawable.includes(loaded.status) ? (
          <WithdrawButton application={loaded} onDone={props.onClose} />
        ) : null
      }
    >
      {savedId !== undefined && existing.isPending ? <PageSkeleton /> : null}
      {loaded?.returnReasons && loaded.status === 'returned' ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('project.page.app.returnedWith')}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {loaded.returnReasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          }
          data-testid="app-return-reasons"
        />
      ) : null}
      {theCall?.demand ? <DemandCard demand={theCall.demand} maxGrantFen={theCall.maxGrantFen} /> : null}
      <Form<AppForm> form={form} layout="vertical" disabled={!editable} initialValues={{ members: [], targets: [] }}>
        <Form.Item name="title" label={t('project.fields.title')} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="direction" label={t('project.page.app.direction')} style={{ flex: 2 }}>
            <Select allowClear options={(theCall?.directions ?? []).map((d) => ({ value: d, label: d }))} />
          </Form.Item>
          <Form.Item name="fieldCode" label={t('project.page.app.fieldCode')} style={{ flex: 1 }}>
            <Input maxLength={20} />
          </Form.Item>
        </Flex>
        {byDepartment ? (
          <Form.Item
            name="recommenderOrgId"
            label={t('project.page.app.recommender')}
            extra={t('project.page.app.recommenderHint')}
            rules={[{ required: true }]}
          >
            <Select
              data-testid="recommender-select"
              loading={recommenders.isPending}
              options={(recommenders.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item name="summary" label={t('project.page.app.summary')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Divider titlePlacement="start">{t('project.fields.leader')}</Divider>
        <Flex gap={12}>
          <Form.Item name={['leader', 'name']} label={t('project.page.app.leaderName')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <Input />
          </Form.Item>
          <Form.Item
            name={['leader', 'idNumber']}
            label={t('project.page.app.idNumber')}
            rules={[{ required: true, len: 18 }]}
            style={{ flex: 1 }}
          >
            <Input
              maxLength={18}
              placeholder={loaded ? t('project.page.app.idAgain', { last4: loaded.leader.idLast4 ?? '' }) : undefined}
            />
          </Form.Item>
          <Form.Item name={['leader', 'title']} label={t('project.page.app.personTitle')} style={{ flex: 1 }}>
            <Input />
          </Form.Item>
        </Flex>
        <Divider titlePlacement="start">{t('project.fields.members')}</Divider>
        <Form.List name="members">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="baseline">
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true }]} style={{ flex: 1 }}>
                    <Input placeholder={t('project.page.app.memberName')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'role']} rules={[{ required: true }]} style={{ flex: 2 }}>
                    <Input placeholder={t('project.page.app.memberRole')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'workMonths']} rules={[{ required: true }]}>
                    <InputNumber min={0} max={120} placeholder={t('project.page.app.workMonths')} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ workMonths: 6 })} data-testid="member-add">
                {t('project.page.app.addMember')}
              </Button>
            </>
          )}
        </Form.List>
        <Divider titlePlacement="start">{t('project.fields.budget')}</Divider>
        <BudgetTable rows={rows} onRows={setRows} fiscalTotal={totals[0]} selfTotal={totals[1]} onTotals={(f, s) => setTotals([f, s])} />
        <Divider titlePlacement="start">{t('project.fields.targets')}</Divider>
        <Form.List name="targets">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="baseline">
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true }]} style={{ flex: 3 }}>
                    <Input placeholder={t('project.page.app.targetName')} aria-label={t('project.page.app.targetName')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'value']} rules={[{ required: true, pattern: /^\d{1,12}(\.\d{1,6})?$/ }]} style={{ flex: 1 }}>
                    <Input placeholder={t('project.page.app.targetValue')} aria-label={t('project.page.app.targetValue')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'unit']} rules={[{ required: true }]} style={{ flex: 1 }}>
                    <Input placeholder={t('project.page.app.targetUnit')} aria-label={t('project.page.app.targetUnit')} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} data-testid="target-add">
                {t('project.page.app.addTarget')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
      <Divider titlePlacement="start">{t('project.page.app.attachments')}</Divider>
      {savedId !== undefined && loaded ? (
        <AttachmentsCard application={loaded} required={theCall?.requiredAttachments ?? []} editable={editable} />
      ) : (
        <Alert type="info" showIcon title={t('project.page.app.saveFirst')} />
      )}
      {loaded && avoidable.includes(loaded.status) ? (
        <>
          <Divider titlePlacement="start">{t('review.avoid.title')}</Divider>
          <AvoidanceCard
            subjectKind="project_application"
            subjectId={loaded.id}
            editable={loaded.status !== 'selected' && loaded.status !== 'rejected'}
          />
        </>
      ) : null}
      {loaded ? (
        <>
          <Divider titlePlacement="start">{t('project.page.timeline')}</Divider>
          <AppTimeline events={loaded.timeline} />
        </>
      ) : null}
    </Drawer>
  );
}

/** Once submitted the unit may ask that named experts or units be kept off its panel (回避申请), until the draw. */
const avoidable = ['submitted', 'recommended', 'returned', 'under_review', 'selected', 'rejected'];

/** Before the formal check passes it, the unit may withdraw its application (kept on record, no longer counted for 限项). */
const withdrawable = ['draft', 'submitted', 'recommended', 'returned'];

function WithdrawButton({ application, onDone }: { application: TApplication; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const withdraw = useProjectMutation(() => applicationApi.withdraw(application));
  return (
    <Popconfirm
      title={t('project.page.app.withdrawConfirm')}
      onConfirm={() =>
        withdraw.mutate(undefined, {
          onSuccess: () => {
            message.success(t('project.page.app.withdrawn'));
            onDone();
          },
          onError: (e) => message.error(errorText(e)),
        })
      }
    >
      <Button danger loading={withdraw.isPending} data-testid="app-withdraw">
        {t('project.page.app.withdraw')}
      </Button>
    </Popconfirm>
  );
}
