import { listingKinds, techFieldCodes } from '@kechuang/contracts';
import { Col, Empty, Flex, Input, Layout, Pagination, Row, Segmented, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageSkeleton } from '../../components/PageSkeleton.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RegionName } from '../../components/RegionName.tsx';
import { RegionPicker } from '../../components/RegionPicker.tsx';
import { intParam, useSearchState } from '../../lib/use-search-state.ts';
import { useMe } from '../auth/auth-api.ts';
import { ListingCard } from './ListingCard.tsx';
import { usePublicSearch } from './market-api.ts';

/**
 * 技术供需大厅: the published entries of the four lists, searchable without signing in — Chinese words (segmented
 * by the server) or pinyin initials, by list, field and region.
 */
export function PublicMarketPage() {
  const { t } = useTranslation();
  const me = useMe();
  const signedIn = Boolean(me.data);
  const [search, setSearch] = useSearchState();
  const page = intParam(search.page, 1);
  const kind = listingKinds.find((k) => k === search.kind);
  const field = techFieldCodes.find((f) => f === search.field);
  const [q, setQ] = useState(search.q ?? '');
  const result = usePublicSearch({ page, pageSize: 12, q: search.q, kind, field, region: search.region });
  const terms = result.data?.terms ?? [];
  return (
    <Layout style={{ minHeight: '100vh', padding: '24px 32px' }} data-testid="page-public-market">
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('techmarket.public.title')}
        </Typography.Title>
        <Link to={signedIn ? '/techmarket' : '/login'}>{signedIn ? t('techmarket.public.workbench') : t('techmarket.public.signIn')}</Link>
      </Flex>
      <Typography.Paragraph type="secondary">{t('techmarket.public.subtitle')}</Typography.Paragraph>
      <Input.Search
        size="large"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(v) => setSearch({ q: v.trim() || undefined })}
        placeholder={t('techmarket.public.placeholder')}
        enterButton={t('techmarket.public.search')}
        allowClear
        data-testid="market-search"
        style={{ maxWidth: 720, marginBottom: 16 }}
      />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        {/* on a phone the five lists scroll sideways instead of widening the page */}
        <div style={{ maxWidth: '100%', overflowX: 'auto' }}>
          <Segmented
            value={kind ?? 'all'}
            onChange={(v) => setSearch({ kind: v === 'all' ? undefined : String(v) })}
            options={[
              { value: 'all', label: t('techmarket.public.allKinds') },
              ...listingKinds.map((k) => ({ value: k, label: t(`techmarket.listingKinds.${k}`) })),
            ]}
            data-testid="market-kind"
          />
        </div>
        <Select
          value={field}
          onChange={(v) => setSearch({ field: v })}
          allowClear
          placeholder={t('techmarket.public.field')}
          style={{ width: 220 }}
          options={techFieldCodes.map((f) => ({ value: f, label: t(`techmarket.fieldCodes.${f}`) }))}
          data-testid="market-field"
        />
        {signedIn ? (
          <RegionPicker
            value={search.region}
            onChange={(v) => setSearch({ region: v })}
            placeholder={t('techmarket.public.region')}
            style={{ width: 220 }}
          />
        ) : null}
        {terms.length > 0 ? (
          <Typography.Text type="secondary" data-testid="market-terms">
            {t('techmarket.public.terms', { terms: terms.join(' / ') })}
          </Typography.Text>
        ) : null}
      </Flex>
      {result.isError ? <QueryError error={result.error} onRetry={() => result.refetch()} /> : null}
      {result.isPending ? <PageSkeleton /> : null}
      {result.data && result.data.items.length === 0 ? <Empty description={t('techmarket.public.none')} /> : null}
      <Row gutter={[16, 16]}>
        {(result.data?.items ?? []).map((l) => (
          <Col key={l.id} xs={24} lg={12} xxl={8}>
            <ListingCard
              listing={l}
              terms={l.matchedTerms.length > 0 ? l.matchedTerms : terms}
              region={signedIn ? <RegionName code={l.regionCode} /> : undefined}
              testId="market-entry"
            />
          </Col>
        ))}
      </Row>
      {result.data && result.data.total > 12 ? (
        <Pagination
          style={{ marginTop: 16, alignSelf: 'center' }}
          current={page}
          pageSize={12}
          total={result.data.total}
          showSizeChanger={false}
          onChange={(p) => setSearch({ page: String(p) })}
        />
      ) : null}
    </Layout>
  );
}
