import type { TApplication } from '@kechuang/contracts';
import { Alert, App, Button, Checkbox, Descriptions, Divider, Drawer, Flex, Input, Radio, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageSkeleton } from '../../components/PageSkeleton.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useErrorText } from '../../lib/error-text.ts';
import { fenToWan, isWanText, wanToFen } from '../enterprise/money.ts';
import { ReviewResult } from '../review/ReviewResult.tsx';
import { AppTimeline } from './AppTimeline.tsx';
import { AttachmentsCard } from './AttachmentsCard.tsx';
import { FindingTags } from './CallChecksCard.tsx';
import { applicationApi, useApplication, useCall, useCallChecks, useProjectMutation } from './project-api.ts';
import type { ProjectRoles } from './roles.ts';
import { wanText } from './wan.ts';

const checklistKeys = ['complete', 'attachments', 'budget', 'eligibility'] as const;

/** One application at the desk: its content, the automatic findings, and only the steps its status allows. */
export function DeskDrawer({ id, roles, onClose }: { id: number | undefined; roles: ProjectRoles; onClose: () => void }) {
  const { t } = useTranslation();
  const app = useApplication(id);
  const a = app.data;
  return (
    <Drawer open={id !== undefined} onClose={onClose} size={960} title={a?.title} destroyOnHidden>
      {app.isError ? <QueryError error={app.error} onRetry={() => app.refetch()} /> : null}
      {app.isPending && id !== undefined ? <PageSkeleton /> : null}
      {a ? (
        <div data-testid="desk-drawer">
          <ApplicationContent a={a} />
          {roles.manager || roles.recommender ? <DeskActions a={a} recommender={roles.recommender} /> : null}
          <Divider titlePlacement="start">{t('project.page.timeline')}</Divider>
          <AppTimeline events={a.timeline} />
        </div>
      ) : null}
    </Drawer>
  );
}

function ApplicationContent({ a }: { a: TApplication }) {
  const { t } = useTranslation();
  const call = useCall(a.callId);
  return (
    <>
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('project.page.app.unit')}>{a.orgName}</Descriptions.Item>
        <Descriptions.Item label={t('project.page.app.status')}>{t(`project.applicationStatuses.${a.status}`)}</Descriptions.Item>
        <Descriptions.Item label={t('project.fields.leader')}>
          {a.leader.name} {a.leader.title ?? ''} {a.leader.idLast4 ? `（****${a.leader.idLast4}）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('project.page.app.direction')}>{a.direction ?? t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('project.fields.fiscalFen')}>{wanText(a.fiscalFen)}</Descriptions.Item>
        <Descriptions.Item label={t('project.fields.selfFen')}>{wanText(a.selfFen)}</Descriptions.Item>
        <Descriptions.Item label={t('project.fields.members')} span={2}>
          {a.members.map((m) => t('project.page.app.memberLine', { name: m.person.name, role: m.role, months: m.workMonths })).join('；') ||
            t('common.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('project.fields.budget')} span={2}>
          {a.budget
            .map((b) =>
              t('project.page.contract.budgetLine', {
                category: t(`project.budgetCategories.${b.category}`),
                fiscal: wanText(b.fiscalFen),
                self: wanText(b.selfFen),
              }),
            )
            .join('；') || t('common.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('project.fields.targets')} span={2}>
          {a.targets.map((x) => `${x.name} ${x.value}${x.unit}`).join('；') || t('common.none')}
        </Descriptions.Item>
      </Descriptions>
      <Divider titlePlacement="start">{t('project.page.app.attachments')}</Divider>
      <AttachmentsCard application={a} required={call.data?.requiredAttachments ?? []} editable={false} />
    </>
  );
}

/** The bureau's desk steps; a 主管部门 sees only its own: recommend, or return what it has not yet recommended. */
function DeskActions({ a, recommender }: { a: TApplication; recommender: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const call = useCall(a.callId);
  const checks = useCallChecks(a.status === 'submitted' || a.status === 'recommended' ? a.callId : undefined);
  const findings = checks.data?.applications.find((x) => x.id === a.id)?.findings ?? [];
  const blocked = findings.some((f) => f.severity === 'block');
  const [ticks, setTicks] = useState<string[]>([]);
  const [reasons, setReasons] = useState('');
  const [opinion, setOpinion] = useState('');
  const [selected, setSelected] = useState(true);
  const [grantWan, setGrantWan] = useState('');
  const [note, setNote] = useState('');
  useEffect(() => setGrantWan(fenToWan(a.fiscalFen)), [a.fiscalFen]);
  const step = useProjectMutation((f: () => Promise<TApplication>) => f());
  const run = (f: () => Promise<TApplication>) =>
    step.mutate(f, { onSuccess: () => message.success(t('common.done')), onError: (e) => message.error(errorText(e)) });
  const direct = call.data?.recommendation === 'direct';
  const byDepartment = call.data?.recommendation === 'department';
  // on calls recommended by departments the department recommends, not the bureau
  const canRecommend = a.status === 'submitted' && call.data !== undefined && !direct && byDepartment === recommender;
  const canCheck = !recommender && ((a.status === 'submitted' && direct) || a.status === 'recommended');
  const canReturn = recommender ? a.status === 'submitted' : a.status === 'submitted' || a.status === 'recommended';
  const reasonList = reasons
    .split('\n')
    .map((r) => r.trim())
    .filter(Boolean);
  return (
    <div data-testid="desk-actions">
      {canCheck || canReturn ? (
        <>
          <Divider titlePlacement="start">{t('project.page.desk.formalCheck')}</Divider>
          {checks.data ? (
            findings.length > 0 ? (
              <Alert
                type={blocked ? 'error' : 'warning'}
                showIcon
                title={<FindingTags findings={findings} />}
                description={findings.map((f) => f.message).join('；')}
              />
            ) : (
              <Alert type="success" showIcon title={t('project.page.desk.noFindings')} data-testid="no-findings" />
            )
          ) : null}
        </>
      ) : null}
      {canRecommend ? (
        <Flex gap={8} style={{ marginTop: 12 }}>
          <Input value={opinion} onChange={(e) => setOpinion(e.target.value)} placeholder={t('project.page.desk.opinion')} />
          <Button
            type="primary"
            loading={step.isPending}
            onClick={() => run(() => applicationApi.recommend(a, opinion || null))}
            data-testid="desk-recommend"
          >
            {t('project.page.desk.recommend')}
          </Button>
        </Flex>
      ) : null}
      {canCheck ? (
        <div style={{ marginTop: 12 }}>
          <Checkbox.Group
            value={ticks}
            onChange={(v) => setTicks(v as string[])}
            options={checklistKeys.map((k) => ({ value: k, label: t(`project.page.desk.checklist.${k}`) }))}
            data-testid="desk-checklist"
          />
          <div style={{ marginTop: 8 }}>
            <Button
              type="primary"
              disabled={ticks.length < checklistKeys.length || blocked}
              loading={step.isPending}
              data-testid="desk-pass"
              onClick={() =>
                run(() =>
                  applicationApi.pass(
                    a,
                    checklistKeys.map((k) => ({ item: t(`project.page.desk.checklist.${k}`), ok: true })),
                  ),
                )
              }
            >
              {t('project.page.desk.pass')}
            </Button>
          </div>
        </div>
      ) : null}
      {canReturn ? (
        <div style={{ marginTop: 12 }}>
          <Input.TextArea
            rows={2}
            value={reasons}
            onChange={(e) => setReasons(e.target.value)}
            placeholder={t('project.page.desk.reasonsHint')}
            data-testid="desk-reasons"
          />
          <Button
            danger
            style={{ marginTop: 8 }}
            disabled={reasonList.length === 0}
            loading={step.isPending}
            data-testid="desk-return"
            onClick={() => run(() => applicationApi.return(a, reasonList))}
          >
            {t('project.page.desk.return')}
          </Button>
        </div>
      ) : null}
      {a.status === 'under_review' && !recommender ? (
        <>
          <Divider titlePlacement="start">{t('project.page.decision.title')}</Divider>
          <ReviewResult subjectId={a.id} callId={a.callId} />
          <Typography.Paragraph type="secondary">{t('project.page.decision.stub')}</Typography.Paragraph>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Radio.Group
              value={selected}
              onChange={(e) => setSelected(e.target.value)}
              options={[
                { value: true, label: t('project.page.decision.select') },
                { value: false, label: t('project.page.decision.reject') },
              ]}
            />
            {selected ? (
              <Input
                value={grantWan}
                onChange={(e) => setGrantWan(e.target.value)}
                addonBefore={t('project.page.decision.granted')}
                suffix={t('project.page.wanUnit')}
                status={isWanText(grantWan) ? undefined : 'error'}
                style={{ maxWidth: 360 }}
                data-testid="decision-grant"
              />
            ) : null}
            <Input value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('project.page.decision.note')} />
            <Button
              type="primary"
              loading={step.isPending}
              disabled={selected && !isWanText(grantWan)}
              data-testid="decision-save"
              onClick={() => run(() => applicationApi.decide(a, selected, selected ? wanToFen(grantWan) : undefined, note || null))}
            >
              {t('project.page.decision.save')}
            </Button>
          </Space>
        </>
      ) : null}
      {a.status === 'selected' && a.grantedFen !== null ? (
        <Alert
          style={{ marginTop: 12 }}
          type="success"
          showIcon
          title={t('project.page.decision.done', { amount: fenToWan(a.grantedFen) })}
        />
      ) : null}
    </div>
  );
}
