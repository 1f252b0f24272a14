import { confirmStatuses, type TServiceLog } from '@kechuang/contracts';
import { Button, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ListCard } from '../../components/ListCard.tsx';
import { type ListFilter, ListFilters } from '../../components/ListFilters.tsx';
import { useServiceLogs } from './talent-api.ts';
import { talentFilters, useTalentListSearch } from './talent-list.ts';

const statusColor = { pending: 'default', confirmed: 'success', disputed: 'error' } as const;

/** The bureau's view of the service logs: each with its 服务对象's answer (已确认 / 有异议 with the reason / 待确认). */
export function ServiceLogsTab() {
  const { t } = useTranslation();
  const { search, setSearch, year, paging, onPaging } = useTalentListSearch();
  const list = useServiceLogs({ ...paging, year, status: search.status, commissionerId: search.commissionerId });
  const filters: ListFilter[] = [
    talentFilters(t).year(year),
    {
      kind: 'select',
      key: 'status',
      placeholder: t('talent.fields.status'),
      width: 140,
      options: confirmStatuses.map((s) => ({ value: s, label: t(`talent.statuses.${s}`) })),
    },
  ];
  const columns: TableColumnsType<TServiceLog> = [
    { title: t('talent.fields.servedOn'), dataIndex: 'servedOn', width: 110 },
    { title: t('talent.fields.commissioner'), dataIndex: 'commissionerName', width: 120 },
    { title: t('talent.fields.target'), dataIndex: 'targetName', width: 200 },
    { title: t('talent.fields.kind'), dataIndex: 'kind', width: 100, render: (k: TServiceLog['kind']) => t(`talent.serviceKinds.${k}`) },
    {
      title: t('talent.fields.content'),
      dataIndex: 'content',
      render: (c: string) => <Typography.Text ellipsis={{ tooltip: c }}>{c}</Typography.Text>,
    },
    { title: t('talent.fields.photo'), dataIndex: 'photos', width: 100 },
    {
      title: t('talent.fields.status'),
      dataIndex: 'confirmStatus',
      width: 260,
      render: (s: TServiceLog['confirmStatus'], l) => (
        <>
          <Tag color={statusColor[s]}>{t(`talent.statuses.${s}`)}</Tag>
          {s === 'confirmed' ? <Typography.Text type="secondary">{l.confirmedBy}</Typography.Text> : null}
          {s === 'disputed' ? (
            <Typography.Text type="danger">
              {t('talent.hints.disputed', { name: l.confirmedBy, note: l.confirmNote ?? '' })}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
  ];
  return (
    <ListCard<TServiceLog>
      title={t('talent.tabs.logs')}
      testId="talent-logs"
      filters={
        <ListFilters filters={filters} search={search} onChange={setSearch}>
          {search.commissionerId ? (
            <Button onClick={() => setSearch({ commissionerId: undefined, page: undefined })}>
              {list.data?.items[0]?.commissionerName ?? t('talent.fields.commissioner')} ✕
            </Button>
          ) : null}
        </ListFilters>
      }
      query={list}
      columns={columns}
      rowKey="id"
      paging={paging}
      onPaging={onPaging}
    />
  );
}
