import type { TAuditEntry } from '@kechuang/contracts';
import { Card, Empty, Table, type TableColumnsType, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { TableSkeleton } from '../../components/PageSkeleton.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RegionName } from '../../components/RegionName.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { intParam, useSearchState } from '../../lib/use-search-state.ts';
import { AuditDiff } from './AuditDiff.tsx';
import { AuditFilters, entityTypes } from './AuditFilters.tsx';
import { type AuditListParams, useAudit } from './audit-api.ts';

type KnownEntityType = (typeof entityTypes)[number];
const isKnownEntityType = (v: string): v is KnownEntityType => entityTypes.some((e) => e === v);

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const label = (key: string) => (i18n.exists(key) ? String(t(key as never)) : null);
  const actionLabel = (action: string) => {
    const parts = action.split('.');
    const module = label(`audit.actionModule.${parts[0]}`) ?? parts[0];
    const verb = label(`audit.actionVerb.${parts.at(-1)}`) ?? t('audit.actionOther');
    return `${module} · ${verb}`;
  };
  const [search, setSearch] = useSearchState();
  const params: AuditListParams = {
    ...(search.actor ? { actor: search.actor } : {}),
    ...(search.action ? { action: search.action } : {}),
    ...(search.entityType ? { entityType: search.entityType } : {}),
    ...(search.entityId ? { entityId: search.entityId } : {}),
    ...(search.region ? { region: search.region } : {}),
    ...(search.from ? { from: search.from } : {}),
    ...(search.to ? { to: search.to } : {}),
    page: intParam(search.page, 1),
    pageSize: intParam(search.pageSize, 20),
  };
  const audit = useAudit(params);
  const filtered = Object.keys(params).some((k) => k !== 'page' && k !== 'pageSize');

  const columns: TableColumnsType<TAuditEntry> = [
    { title: t('audit.fields.at'), dataIndex: 'at', width: 150, render: formatDateTime },
    {
      title: t('audit.fields.actor'),
      dataIndex: 'actorUsername',
      width: 140,
      render: (name: string | null) =>
        name ? <Typography.Text code>{name}</Typography.Text> : <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
    },
    {
      title: t('audit.fields.action'),
      dataIndex: 'action',
      // the module and the verb in zh-CN; the stable code in the tooltip (and in exports)
      render: (action: string) => (
        <Tooltip title={action}>
          <span data-testid="audit-action">{actionLabel(action)}</span>
        </Tooltip>
      ),
    },
    {
      title: t('audit.fields.entity'),
      key: 'entity',
      render: (_, e) => (
        <span>
          {isKnownEntityType(e.entityType) ? t(`audit.entityType.${e.entityType}`) : e.entityType}
          {e.entityId ? <Typography.Text type="secondary"> #{e.entityId}</Typography.Text> : null}
        </span>
      ),
    },
    {
      title: t('audit.fields.region'),
      dataIndex: 'regionCode',
      width: 110,
      render: (code: string | null) => (code ? <RegionName code={code} /> : t('common.none')),
    },
    { title: t('audit.fields.ip'), dataIndex: 'ip', width: 130, render: (ip: string | null) => ip ?? t('common.none') },
  ];

  return (
    <div data-testid="page-audit">
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      {audit.isError ? <QueryError error={audit.error} onRetry={() => audit.refetch()} /> : null}
      <Card styles={{ body: { padding: 0 } }}>
        <AuditFilters search={search} onApply={setSearch} />
        {audit.isPending ? (
          <TableSkeleton />
        ) : (
          <Table<TAuditEntry>
            rowKey="id"
            columns={columns}
            dataSource={audit.data?.items ?? []}
            loading={audit.isFetching}
            expandable={{
              expandedRowRender: (entry) => <AuditDiff entry={entry} />,
              rowExpandable: (entry) => entry.before !== null || entry.after !== null,
              expandRowByClick: true,
            }}
            locale={{ emptyText: <Empty description={filtered ? t('common.table.noMatch') : t('audit.empty')} /> }}
            scroll={{ x: 900 }}
            pagination={{
              current: params.page,
              pageSize: params.pageSize,
              total: audit.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('common.table.total', { total }),
            }}
            onChange={(pagination) => setSearch({ page: String(pagination.current ?? 1), pageSize: String(pagination.pageSize ?? 20) })}
          />
        )}
      </Card>
    </div>
  );
}
