import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { TEnterpriseYear, TLadderStatus } from '@kechuang/contracts';
import { Button, Card, Descriptions, Empty, Flex, Skeleton, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError.tsx';
import { useCurrentUser } from '../auth/auth-api.ts';
import { AssessResult } from './AssessResult.tsx';
import { rdFields } from './assess-model.ts';
import { EnterpriseFormModal } from './EnterpriseFormModal.tsx';
import { IpIncidentsCard } from './IpIncidentsCard.tsx';
import { LadderStatusModal } from './LadderStatusModal.tsx';
import { fenToWan } from './money.ts';
import { useEnterprise, useEnterprises, useStoredAssessment } from './registry-api.ts';
import { rungColor } from './rungs.ts';
import { monthlyAverages } from './staff-months.ts';
import { TechSmeRegistrationsCard } from './TechSmeRegistrationsCard.tsx';
import { YearEditModal } from './YearEditModal.tsx';

const staffOf = (y: TEnterpriseYear): { employees?: string | undefined; techStaff?: string | undefined } =>
  y.staffMonths && y.staffMonths.length > 0 ? monthlyAverages(y.staffMonths) : { employees: y.employeesAvg, techStaff: y.techStaffAvg };
const rdTotal = (y: TEnterpriseYear): number | undefined =>
  y.rdExpense ? rdFields.filter((f) => f !== 'abroadFen').reduce((s, f) => s + (y.rdExpense?.[f] ?? 0), 0) : undefined;

/** An enterprise user's own record (the list endpoint returns only their own enterprise). */
export function MyEnterprise() {
  const { t } = useTranslation();
  const mine = useEnterprises({ page: 1, pageSize: 1 });
  const id = mine.data?.items[0]?.id;
  if (mine.isError) return <QueryError error={mine.error} onRetry={() => mine.refetch()} />;
  if (mine.isPending) return <Skeleton active />;
  if (id === undefined) return <Empty description={t('enterprise.registry.mine.none')} style={{ padding: 48 }} />;
  return <EnterpriseRecord id={id} testId="my-enterprise" />;
}

/** One enterprise: its data by year (editable), its ladder history and its pre-assessment. */
export function EnterpriseRecord({ id, testId }: { id: number; testId?: string }) {
  const { t } = useTranslation();
  const detail = useEnterprise(id);
  const assessment = useStoredAssessment(id);
  const [editing, setEditing] = useState<number | null>(null);
  const [dialog, setDialog] = useState<'edit' | 'status' | null>(null);
  const { user } = useCurrentUser();
  const isBureauWriter = user.roles.some((r) => r === 'admin' || r === 'planner');
  const canWrite = isBureauWriter || user.roles.includes('enterprise');
  if (detail.isError) return <QueryError error={detail.error} onRetry={() => detail.refetch()} />;
  if (!detail.data) return <Skeleton active />;
  const e = detail.data;
  const wan = (v: number | undefined) => (v === undefined ? t('common.none') : fenToWan(v));
  const thisYear = new Date().getFullYear();
  const nextYear = [thisYear - 1, thisYear].find((y) => !e.years.some((x) => x.year === y)) ?? thisYear - 1;
  const years = [...e.years].sort((a, b) => b.year - a.year);
  const columns: TableColumnsType<TEnterpriseYear> = [
    { title: t('enterprise.figures.year'), dataIndex: 'year', width: 80 },
    // entered month by month: the computed 全年月平均数
    { title: t('enterprise.assess.year.employeesAvg'), key: 'employees', render: (_, y) => staffOf(y).employees ?? t('common.none') },
    { title: t('enterprise.assess.year.techStaffAvg'), key: 'techStaff', render: (_, y) => staffOf(y).techStaff ?? t('common.none') },
    { title: t('enterprise.assess.year.salesFen'), dataIndex: 'salesFen', align: 'right', render: wan },
    { title: t('enterprise.assess.year.totalIncomeFen'), dataIndex: 'totalIncomeFen', align: 'right', render: wan },
    { title: t('enterprise.figures.rdFen'), key: 'rd', align: 'right', render: (_, y) => wan(rdTotal(y)) },
    { title: t('enterprise.assess.year.hitechIncomeFen'), dataIndex: 'hitechIncomeFen', align: 'right', render: wan },
    { title: t('enterprise.assess.year.netAssetsFen'), dataIndex: 'netAssetsFen', align: 'right', render: wan },
    ...(canWrite
      ? [
          {
            title: t('common.table.actions'),
            key: 'actions',
            width: 90,
            render: (_: unknown, y: TEnterpriseYear) => (
              <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(y.year)}>
                {t('common.actions.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  const statusColumns: TableColumnsType<TLadderStatus> = [
    {
      title: t('enterprise.registry.funnel.rung'),
      dataIndex: 'rung',
      render: (r: TLadderStatus['rung']) => <Tag color={rungColor[r]}>{t(`enterprise.rungs.${r}`)}</Tag>,
    },
    { title: t('enterprise.registry.mine.reference'), dataIndex: 'reference', render: (v: string | null) => v ?? t('common.none') },
    { title: t('enterprise.registry.mine.validFrom'), dataIndex: 'validFrom' },
    {
      title: t('enterprise.registry.mine.validTo'),
      dataIndex: 'validTo',
      render: (v: string | null) => v ?? t('enterprise.registry.status.openEnded'),
    },
    { title: t('enterprise.registry.status.note'), dataIndex: 'note', render: (v: string | null) => v ?? t('common.none') },
  ];
  return (
    <div data-testid={testId}>
      <Card
        title={e.name}
        style={{ marginBottom: 16 }}
        extra={
          isBureauWriter ? (
            <Button icon={<EditOutlined />} onClick={() => setDialog('edit')} data-testid="enterprise-edit">
              {t('enterprise.registry.form.edit')}
            </Button>
          ) : null
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('enterprise.registry.cols.uscc')}>{e.uscc}</Descriptions.Item>
          <Descriptions.Item label={t('enterprise.registry.cols.region')}>{e.regionName}</Descriptions.Item>
          <Descriptions.Item label={t('enterprise.registry.cols.industry')}>{e.industryCode ?? t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('enterprise.registry.cols.registeredOn')}>{e.registeredOn ?? t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('enterprise.registry.form.contact')}>
            {[e.contact, e.phone].filter(Boolean).join(' ') || t('common.none')}
          </Descriptions.Item>
          <Descriptions.Item label={t('enterprise.registry.cols.rungs')}>
            <Flex gap={4} wrap>
              {e.rungs.length === 0
                ? t('enterprise.registry.noRung')
                : e.rungs.map((r) => (
                    <Tag key={r} color={rungColor[r]}>
                      {t(`enterprise.rungs.${r}`)}
                    </Tag>
                  ))}
            </Flex>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        title={t('enterprise.registry.status.history')}
        style={{ marginBottom: 16 }}
        data-testid="ladder-history"
        extra={
          isBureauWriter ? (
            <Button icon={<PlusOutlined />} onClick={() => setDialog('status')} data-testid="status-add">
              {t('enterprise.registry.status.add')}
            </Button>
          ) : null
        }
      >
        <Table<TLadderStatus>
          rowKey="id"
          size="small"
          columns={statusColumns}
          dataSource={e.statuses}
          pagination={false}
          locale={{ emptyText: t('enterprise.registry.status.empty') }}
        />
      </Card>
      <TechSmeRegistrationsCard detail={e} canWrite={isBureauWriter} />
      <Card
        title={t('enterprise.registry.mine.years')}
        style={{ marginBottom: 16 }}
        extra={
          canWrite ? (
            <Button icon={<PlusOutlined />} onClick={() => setEditing(nextYear)}>
              {t('enterprise.registry.mine.addYear')}
            </Button>
          ) : null
        }
      >
        <Typography.Paragraph type="secondary">{t('enterprise.registry.mine.wanNote')}</Typography.Paragraph>
        <Table<TEnterpriseYear> rowKey="year" size="small" columns={columns} dataSource={years} pagination={false} scroll={{ x: 900 }} />
      </Card>
      <IpIncidentsCard detail={e} canWrite={canWrite} />
      <Card title={t('enterprise.registry.mine.assessment')} style={{ marginBottom: 16 }}>
        {assessment.isError ? <QueryError error={assessment.error} onRetry={() => assessment.refetch()} /> : null}
        {assessment.isPending ? <Skeleton active /> : <AssessResult result={assessment.data?.result} />}
      </Card>
      <YearEditModal enterpriseId={e.id} year={editing} data={e.years.find((y) => y.year === editing)} onClose={() => setEditing(null)} />
      <EnterpriseFormModal open={dialog === 'edit'} editing={e} onClose={() => setDialog(null)} />
      <LadderStatusModal enterpriseId={e.id} open={dialog === 'status'} onClose={() => setDialog(null)} />
    </div>
  );
}
