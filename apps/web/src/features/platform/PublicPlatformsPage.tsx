import { Card, Flex, Input, Layout, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../components/QueryError.tsx';
import { intParam, useSearchState } from '../../lib/use-search-state.ts';
import { usePublicPlatforms } from './platform-api.ts';

/** 创新平台公开名录: the platforms in operation as their 认定 notices state them, readable without signing in. */
export function PublicPlatformsPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchState();
  const [q, setQ] = useState(search.q ?? '');
  const paging = { page: intParam(search.page, 1), pageSize: intParam(search.pageSize, 20) };
  const list = usePublicPlatforms({ type: search.type, q: search.q, ...paging });
  return (
    <Layout style={{ minHeight: '100vh', padding: '24px 32px' }} data-testid="page-public-platforms">
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('platform.public.title')}
        </Typography.Title>
        <Link to="/login">{t('platform.public.signIn')}</Link>
      </Flex>
      <Typography.Paragraph type="secondary">{t('platform.public.subtitle')}</Typography.Paragraph>
      <Card>
        <Flex gap={12} style={{ marginBottom: 16 }}>
          <Input.Search
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onSearch={(v) => setSearch({ q: v.trim() || undefined })}
            placeholder={t('platform.public.search')}
            allowClear
            style={{ width: 280 }}
            data-testid="public-platform-search"
          />
        </Flex>
        {list.isError ? <QueryError error={list.error} onRetry={() => list.refetch()} /> : null}
        <Table
          rowKey="id"
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 1000 }}
          locale={{ emptyText: t('platform.public.empty') }}
          columns={[
            { title: t('platform.fields.name'), dataIndex: 'name', width: 280 },
            { title: t('platform.fields.type'), dataIndex: 'typeName', width: 160 },
            { title: t('platform.fields.level'), key: 'level', width: 80, render: (_, p) => t(`platform.levels.${p.level}`) },
            { title: t('platform.fields.org'), dataIndex: 'orgName', width: 220 },
            { title: t('platform.fields.region'), dataIndex: 'regionName', width: 100 },
            { title: t('platform.fields.docNo'), dataIndex: 'docNo', width: 170 },
            { title: t('platform.fields.approvedOn'), dataIndex: 'approvedOn', width: 110 },
          ]}
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: list.data?.total ?? 0,
            showTotal: (total) => t('common.table.total', { total }),
          }}
          onChange={(p) => setSearch({ page: String(p.current ?? 1), pageSize: String(p.pageSize ?? 20) })}
          data-testid="public-platform-table"
        />
      </Card>
    </Layout>
  );
}
