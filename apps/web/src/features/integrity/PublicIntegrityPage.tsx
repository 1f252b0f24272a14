import type { TPublicIntegrityRecord } from '@kechuang/contracts';
import { Card, Flex, Grid, Input, Layout, Table, type TableColumnsType, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../components/QueryError.tsx';
import { intParam, useSearchState } from '../../lib/use-search-state.ts';
import { periodText, usePublicRecords } from './integrity-api.ts';

/** 科研诚信公示: the records the bureau has published, readable without signing in — never an identity number. */
export function PublicIntegrityPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchState();
  const [q, setQ] = useState(search.q ?? '');
  const listKind = search.list === 'red' ? ('red' as const) : ('black' as const);
  const paging = { page: intParam(search.page, 1), pageSize: intParam(search.pageSize, 20) };
  const list = usePublicRecords({ listKind, q: search.q, ...paging });
  const none = t('integrity.page.none');
  // on a phone the search goes under the tabs: beside them it pushed 黑名单 / 红名单 into a "…" menu
  const wide = Grid.useBreakpoint().sm !== false;
  const searchBox = (
    <Input.Search
      value={q}
      onChange={(e) => setQ(e.target.value)}
      onSearch={(v) => setSearch({ q: v.trim() || undefined })}
      placeholder={t('integrity.public.search')}
      allowClear
      style={{ width: wide ? 240 : '100%', marginBottom: wide ? 0 : 12 }}
      data-testid="public-integrity-search"
    />
  );
  const columns: TableColumnsType<TPublicIntegrityRecord> = [
    {
      title: t('integrity.public.name'),
      key: 'name',
      width: 200,
      render: (_, r) => (
        <div>
          <Typography.Text strong>{r.name}</Typography.Text>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`integrity.subjectKinds.${r.subjectKind}`)}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { title: t('integrity.public.unit'), dataIndex: 'unit', width: 200, render: (v: string | null) => v ?? none },
    ...(listKind === 'black'
      ? [
          {
            title: t('integrity.fields.type'),
            key: 'type',
            width: 240,
            render: (_: unknown, r: TPublicIntegrityRecord) => (r.misconductType ? t(`integrity.types.${r.misconductType}`) : none),
          },
          {
            title: t('integrity.fields.measures'),
            key: 'measures',
            width: 240,
            render: (_: unknown, r: TPublicIntegrityRecord) => (
              <div>
                {r.measures.map((m) => t(`integrity.measures.${m}`)).join('；') || none}
                {r.banScope.length > 0 ? (
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('integrity.fields.banScope')}：{r.banScope.map((a) => t(`integrity.activities.${a}`)).join('、')}
                    </Typography.Text>
                  </div>
                ) : null}
              </div>
            ),
          },
        ]
      : [{ title: t('integrity.fields.basis'), dataIndex: 'basis', width: 300 }]),
    { title: t('integrity.fields.period'), key: 'period', width: 210, render: (_, r) => periodText(r, t) },
    {
      title: t('integrity.fields.docNo'),
      key: 'doc',
      width: 220,
      render: (_, r) => (
        <div>
          {r.docNo ?? none}
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[r.issuer, r.decidedOn].filter(Boolean).join(' · ')}
            </Typography.Text>
          </div>
        </div>
      ),
    },
  ];
  return (
    <Layout style={{ minHeight: '100vh', padding: '24px 32px' }} data-testid="page-public-integrity">
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('integrity.public.title')}
        </Typography.Title>
        <Link to="/login">{t('integrity.public.signIn')}</Link>
      </Flex>
      <Typography.Paragraph type="secondary">{t('integrity.public.subtitle')}</Typography.Paragraph>
      <Card styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          activeKey={listKind}
          onChange={(k) => setSearch({ list: k === 'red' ? 'red' : undefined })}
          items={[
            { key: 'black', label: t('integrity.public.black') },
            { key: 'red', label: t('integrity.public.red') },
          ]}
          tabBarExtraContent={wide ? searchBox : null}
        />
        {wide ? null : searchBox}
        {list.isError ? <QueryError error={list.error} onRetry={() => list.refetch()} /> : null}
        <Table<TPublicIntegrityRecord>
          rowKey="key"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 1000 }}
          locale={{ emptyText: t('integrity.public.empty') }}
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: list.data?.total ?? 0,
            showTotal: (total) => t('common.table.total', { total }),
          }}
          onChange={(p) => setSearch({ page: String(p.current ?? 1), pageSize: String(p.pageSize ?? 20) })}
          data-testid="public-integrity-table"
        />
      </Card>
    </Layout>
  );
}
