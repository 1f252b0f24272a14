import type { TProject } from '@kechuang/contracts';
import { Button, Card, DatePicker, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import { fenToWan } from '../enterprise/money.ts';
import { projectApi } from './lifecycle-api.ts';
import { MilestonesEditor } from './MilestonesEditor.tsx';
import { checkMilestones, type MilestoneRowText, milestonesInput } from './milestone-model.ts';
import { useProjectStep } from './ProjectPage.tsx';
import type { ProjectRoles } from './roles.ts';
import { wanText } from './wan.ts';

/** 任务书: drafted from the application (targets, budget, milestones), settled by the bureau, confirmed by both sides. */
export function ContractCard({ p, roles, may }: { p: TProject; roles: ProjectRoles; may: boolean }) {
  const { t } = useTranslation();
  const { run, pending } = useProjectStep();
  const c = p.contract;
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null]>([
    c?.startOn ? dayjs(c.startOn) : null,
    c?.endOn ? dayjs(c.endOn) : null,
  ]);
  const [milestones, setMilestones] = useState<MilestoneRowText[]>(() =>
    (c?.milestones ?? []).map((m) => ({
      title: m.title,
      due: m.due,
      paymentWan: m.paymentFen ? fenToWan(m.paymentFen) : '',
      target: m.target ?? null,
    })),
  );
  const mySideDone = roles.manager ? p.contractBureauAt !== null : p.contractUnitAt !== null;
  // the bureau settles dates (and, for 揭榜挂帅, the milestone payments) before the unit confirms
  const settles = roles.manager && !p.contractUnitAt;
  const byMilestone = p.programmeKind === 'open_competition';
  const settle = {
    ...(settles && range[0] && range[1] ? { startOn: range[0].format('YYYY-MM-DD'), endOn: range[1].format('YYYY-MM-DD') } : {}),
    ...(settles && byMilestone ? { milestones: milestonesInput(milestones) } : {}),
  };
  const milestonesOk = !settles || !byMilestone || checkMilestones(milestones, c?.targets ?? [], p.grantedFen).ok;
  return (
    <Card size="small" title={t('project.page.contract.title')} style={{ marginBottom: 16 }} data-testid="project-contract">
      <Descriptions size="small" column={2}>
        <Descriptions.Item label={t('project.page.contract.period')}>
          {c?.startOn ?? '—'} ~ {c?.endOn ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('project.page.contract.confirmed')}>
          <Flex gap={4}>
            <Tag color={p.contractBureauAt ? 'green' : 'default'}>
              {t('project.page.contract.bureau')}{' '}
              {p.contractBureauAt ? formatDateTime(p.contractBureauAt) : t('project.page.contract.pending')}
            </Tag>
            <Tag color={p.contractUnitAt ? 'green' : 'default'}>
              {t('project.page.contract.unit')} {p.contractUnitAt ? formatDateTime(p.contractUnitAt) : t('project.page.contract.pending')}
            </Tag>
          </Flex>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Text strong>{t('project.fields.targets')}</Typography.Text>
      <Table
        size="small"
        pagination={false}
        rowKey="name"
        dataSource={c?.targets ?? []}
        columns={[
          { title: t('project.page.app.targetName'), dataIndex: 'name' },
          { title: t('project.page.app.targetValue'), key: 'v', render: (_, x) => `${x.value} ${x.unit}` },
        ]}
      />
      <Typography.Paragraph style={{ marginTop: 8 }}>
        {t('project.fields.budget')}：
        {(c?.budget ?? [])
          .map((b) =>
            t('project.page.contract.budgetLine', {
              category: t(`project.budgetCategories.${b.category}`),
              fiscal: wanText(b.fiscalFen),
              self: wanText(b.selfFen),
            }),
          )
          .join('；') || '—'}
      </Typography.Paragraph>
      {(c?.milestones ?? []).length > 0 ? (
        <Typography.Paragraph>
          {t('project.page.contract.milestones')}：
          {c?.milestones.map((m) => `${m.title}（${m.due}${m.paymentFen ? `，${wanText(m.paymentFen)}` : ''}）`).join('；')}
        </Typography.Paragraph>
      ) : null}
      {may && !mySideDone && settles && byMilestone ? (
        <MilestonesEditor rows={milestones} onRows={setMilestones} targets={c?.targets ?? []} grantedFen={p.grantedFen} />
      ) : null}
      {may && !mySideDone ? (
        <Flex gap={8} align="center">
          {roles.manager ? (
            <DatePicker.RangePicker
              value={range}
              onChange={(v) => setRange(v ? [v[0], v[1]] : [null, null])}
              aria-label={t('project.page.contract.period')}
            />
          ) : null}
          <Button
            type="primary"
            loading={pending}
            disabled={!milestonesOk}
            onClick={() => run(() => projectApi.confirm(p, settle))}
            data-testid="contract-confirm"
          >
            {roles.manager ? t('project.page.contract.confirmBureau') : t('project.page.contract.confirmUnit')}
          </Button>
        </Flex>
      ) : null}
    </Card>
  );
}
