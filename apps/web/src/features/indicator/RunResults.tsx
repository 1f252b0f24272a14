import type { TEvaluationRun, TIndicator, TRegionResult } from '@kechuang/contracts';
import { Button, Flex, Select, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import { BreakdownDrawer } from './BreakdownDrawer.tsx';
import { formatNumber } from './indicator-format.ts';
import { RankChange } from './RankChange.tsx';

/** A run's ranked results with 进位/退位, tiers, sensitivity and the per-region breakdown. */
export function Results({ run, catalog }: { run: TEvaluationRun; catalog: Map<string, TIndicator> }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  const [tier, setTier] = useState<string>();
  const topGroups = run.definition.groups;
  const rows = run.result.results.filter((r) => !tier || r.tier === tier);
  const tiers = [...new Set(run.result.results.map((r) => r.tier).filter((x): x is string => x !== null))];

  const columns: TableColumnsType<TRegionResult> = [
    {
      title: t('indicator.results.rank'),
      dataIndex: 'rank',
      width: 64,
      align: 'center',
      sorter: (a, b) => a.rank - b.rank,
      defaultSortOrder: 'ascend',
    },
    {
      title: t('indicator.results.region'),
      dataIndex: 'name',
      width: 130,
      fixed: 'left',
      render: (n: string, r) => (
        <Typography.Link onClick={() => setOpen(r.code)} data-testid="result-region">
          {n}
        </Typography.Link>
      ),
    },
    {
      title: t('indicator.results.score'),
      dataIndex: 'score',
      width: 90,
      align: 'right',
      sorter: (a, b) => a.score - b.score,
      render: (s: number) => <Typography.Text strong>{formatNumber(s, 2)}</Typography.Text>,
    },
    {
      title: t('indicator.results.change'),
      key: 'change',
      width: 110,
      sorter: (a, b) => (a.rankChange ?? 0) - (b.rankChange ?? 0),
      render: (_, r) => <RankChange change={r.rankChange} previous={r.previousRank} />,
    },
    {
      title: t('indicator.results.tier'),
      dataIndex: 'tier',
      width: 90,
      render: (x: string | null) => (x ? <Tag color="geekblue">{x}</Tag> : t('common.none')),
    },
    {
      title: (
        <Tooltip title={t('indicator.results.intervalHint')}>
          <span style={{ borderBottom: '1px dotted #999' }}>{t('indicator.results.interval')}</span>
        </Tooltip>
      ),
      key: 'interval',
      width: 130,
      render: (_, r) => {
        const s = run.sensitivity[r.code];
        if (!s) return t('common.none');
        const stable = s.minRank === s.maxRank;
        return (
          <Tooltip title={t('indicator.results.intervalText', { p05: s.p05Rank, p95: s.p95Rank, min: s.minRank, max: s.maxRank })}>
            <Typography.Text type={stable ? 'success' : undefined}>
              {s.p05Rank === s.p95Rank ? `${s.p05Rank}` : `${s.p05Rank}–${s.p95Rank}`}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {' '}
                ({s.minRank}–{s.maxRank})
              </Typography.Text>
            </Typography.Text>
          </Tooltip>
        );
      },
    },
    ...topGroups.map((g) => ({
      title: g.name,
      key: `g:${g.key}`,
      width: 90,
      align: 'right' as const,
      render: (_: unknown, r: TRegionResult) => formatNumber(r.groups.find((x) => x.key === g.key)?.score, 2),
    })),
    {
      title: t('common.table.actions'),
      key: 'actions',
      width: 90,
      render: (_, r) => (
        <Button size="small" type="link" onClick={() => setOpen(r.code)} data-testid="result-breakdown">
          {t('indicator.results.breakdown')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <Flex gap={16} wrap align="center" style={{ padding: '12px 16px' }}>
        <Typography.Text type="secondary">
          {t('indicator.results.summary', { year: run.year, n: run.regionCount, at: formatDateTime(run.computedAt) })}
        </Typography.Text>
        <Typography.Text type="secondary">{t(`indicator.results.previousFrom.${run.previousRanksFrom}`)}</Typography.Text>
        <Typography.Text type="secondary">
          {t('indicator.results.origins', { stored: run.origins.stored, rolledUp: run.origins.rolledUp, derived: run.origins.derived })}
        </Typography.Text>
        <span style={{ flex: 1 }} />
        {tiers.length > 0 ? (
          <Select
            value={tier}
            onChange={setTier}
            allowClear
            placeholder={t('indicator.results.tier')}
            style={{ width: 140 }}
            options={tiers.map((x) => ({ value: x, label: x }))}
          />
        ) : null}
      </Flex>
      <Table<TRegionResult>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={rows}
        scroll={{ x: 740 + topGroups.length * 90 }}
        pagination={{ defaultPageSize: 50, hideOnSinglePage: true, showTotal: (total) => t('common.table.total', { total }) }}
        data-testid="results-table"
      />
      <BreakdownDrawer run={run} code={open} catalog={catalog} onClose={() => setOpen(null)} />
    </>
  );
}
