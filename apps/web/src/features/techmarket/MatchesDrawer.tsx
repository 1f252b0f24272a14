import type { TListing, TMarketMatchReason } from '@kechuang/contracts';
import { Divider, Drawer, Empty, Flex, List, Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageSkeleton } from '../../components/PageSkeleton.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RegionName } from '../../components/RegionName.tsx';
import { ListingCard } from './ListingCard.tsx';
import { useMatches } from './market-api.ts';

/** Why two entries were put together: the key terms both hold, the field, how near their regions are. */
export function MatchReason({ reason }: { reason: TMarketMatchReason }) {
  const { t } = useTranslation();
  return (
    <Flex gap={4} wrap align="center" data-testid="match-reason">
      {reason.sharedTerms.map((w) => (
        <Tag key={w} color="blue">
          {w}
        </Tag>
      ))}
      {reason.sameField && reason.fieldCode ? (
        <Tag color="green">{t('techmarket.match.sameField', { field: t(`techmarket.fieldCodes.${reason.fieldCode}`) })}</Tag>
      ) : null}
      {reason.region ? <Tag color="purple">{t(`techmarket.match.region.${reason.region}`)}</Tag> : null}
    </Flex>
  );
}

/** For a demand, the ranked achievements and experts; for an achievement, the ranked demands — each with its reason. */
export function MatchesDrawer({ listing, onClose }: { listing: TListing | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const matches = useMatches(listing?.id);
  const m = matches.data;
  const top = Math.max(...(m?.listings.map((x) => x.score) ?? [0]), ...(m?.experts.map((x) => x.score) ?? [0]), 1e-9);
  return (
    <Drawer
      open={listing !== undefined}
      onClose={onClose}
      size={900}
      title={t('techmarket.match.title', { title: listing?.title ?? '' })}
      destroyOnHidden
    >
      {matches.isError ? <QueryError error={matches.error} onRetry={() => matches.refetch()} /> : null}
      {matches.isPending && listing ? <PageSkeleton /> : null}
      {m ? (
        <div data-testid="matches">
          <Typography.Paragraph type="secondary">{t('techmarket.match.method', { method: m.method })}</Typography.Paragraph>
          <Divider titlePlacement="start">
            {t(m.direction === 'demand_to_supply' ? 'techmarket.match.supplies' : 'techmarket.match.demands')}
          </Divider>
          <List
            dataSource={m.listings}
            split={false}
            locale={{ emptyText: <Empty description={t('techmarket.match.none')} /> }}
            renderItem={(x, i) => (
              <List.Item style={{ display: 'block' }} data-testid="match-listing">
                <ListingCard
                  listing={x.listing}
                  terms={x.reason.sharedTerms}
                  region={<RegionName code={x.listing.regionCode} />}
                  extra={
                    <Flex gap={6} align="center">
                      <Typography.Text strong>#{i + 1}</Typography.Text>
                      <Progress
                        type="circle"
                        size={28}
                        percent={Math.round((x.score / top) * 100)}
                        format={() => ''}
                        aria-label={t('techmarket.match.score')}
                      />
                    </Flex>
                  }
                />
                <div style={{ marginTop: 6 }}>
                  <Typography.Text type="secondary">{t('techmarket.match.why')}</Typography.Text> <MatchReason reason={x.reason} />
                </div>
              </List.Item>
            )}
          />
          {m.direction === 'demand_to_supply' ? (
            <>
              <Divider titlePlacement="start">{t('techmarket.match.experts')}</Divider>
              <List
                dataSource={m.experts}
                locale={{ emptyText: <Empty description={t('techmarket.match.noExperts')} /> }}
                renderItem={(e, i) => (
                  <List.Item data-testid="match-expert">
                    <List.Item.Meta
                      title={`#${i + 1} ${e.name}${e.title ? ` · ${e.title}` : ''}`}
                      description={
                        <>
                          <div>
                            {e.employer ?? ''} · <RegionName code={e.regionCode} />
                          </div>
                          <MatchReason reason={e.reason} />
                        </>
                      }
                    />
                  </List.Item>
                )}
              />
            </>
          ) : null}
        </div>
      ) : null}
    </Drawer>
  );
}
