import type { TPlatformLevel } from '@kechuang/contracts';
import { Card, InputNumber, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bureauYear } from '../../lib/bureau-date.ts';
import { levelOrder } from './labels.tsx';
import { usePlatformStats, usePlatformTypes } from './platform-api.ts';

interface Row {
  typeCode: string;
  typeName: string;
  counts: Partial<Record<TPlatformLevel, number>>;
  total: number;
  added: number;
  removed: number;
}

/** Platforms held on 31 December by type × level, and the year's additions and removals; the same counts feed the indicators. */
export function StatsTab() {
  const { t } = useTranslation();
  const [year, setYear] = useState(bureauYear());
  const stats = usePlatformStats(year);
  const types = usePlatformTypes();
  const rows: Row[] = (types.data ?? []).map((ty) => {
    const counts: Partial<Record<TPlatformLevel, number>> = {};
    for (const c of stats.data?.cells ?? []) if (c.typeCode === ty.code) counts[c.level] = (counts[c.level] ?? 0) + c.count;
    const moves = (stats.data?.net ?? []).filter((n) => n.typeCode === ty.code);
    return {
      typeCode: ty.code,
      typeName: ty.name,
      counts,
      total: Object.values(counts).reduce((a, b) => a + (b ?? 0), 0),
      added: moves.reduce((a, n) => a + n.added, 0),
      removed: moves.reduce((a, n) => a + n.removed, 0),
    };
  });
  return (
    <Card
      title={t('platform.stats.title')}
      styles={{ body: { padding: 0 } }}
      extra={
        <Space>
          {t('platform.fields.year')}
          <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} style={{ width: 100 }} />
        </Space>
      }
      data-testid="platform-stats"
    >
      <Table<Row>
        rowKey="typeCode"
        pagination={false}
        loading={stats.isFetching}
        dataSource={rows}
        summary={(data) => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>{t('platform.stats.total')}</Table.Summary.Cell>
            {levelOrder.map((l, i) => (
              <Table.Summary.Cell key={l} index={i + 1}>
                {data.reduce((a, r) => a + (r.counts[l] ?? 0), 0)}
              </Table.Summary.Cell>
            ))}
            <Table.Summary.Cell index={5}>{data.reduce((a, r) => a + r.total, 0)}</Table.Summary.Cell>
            <Table.Summary.Cell index={6}>{data.reduce((a, r) => a + r.added, 0)}</Table.Summary.Cell>
            <Table.Summary.Cell index={7}>{data.reduce((a, r) => a + r.removed, 0)}</Table.Summary.Cell>
          </Table.Summary.Row>
        )}
        columns={[
          { title: t('platform.fields.type'), dataIndex: 'typeName', width: 200 },
          ...levelOrder.map((l) => ({
            title: t(`platform.levels.${l}`),
            key: l,
            width: 90,
            render: (_: unknown, r: Row) => r.counts[l] ?? 0,
          })),
          { title: t('platform.stats.total'), dataIndex: 'total', width: 90 },
          { title: `${t('platform.stats.net')} · ${t('platform.stats.added')}`, dataIndex: 'added', width: 120 },
          { title: `${t('platform.stats.net')} · ${t('platform.stats.removed')}`, dataIndex: 'removed', width: 120 },
        ]}
      />
    </Card>
  );
}
