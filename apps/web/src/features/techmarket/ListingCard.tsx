import type { TPublicListing } from '@kechuang/contracts';
import { Card, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { wanText } from '../project/wan.ts';
import { Highlight } from './Highlight.tsx';

export const listingKindColor: Record<TPublicListing['kind'], string> = {
  achievement: 'green',
  common_demand: 'purple',
  demand: 'blue',
  financing: 'gold',
};

/** One published entry of the four lists, its words of the search marked. */
export function ListingCard({
  listing,
  terms = [],
  extra,
  region,
  testId,
}: {
  listing: TPublicListing;
  terms?: readonly string[];
  extra?: ReactNode;
  region?: ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation();
  const l = listing;
  return (
    <Card
      size="small"
      data-testid={testId}
      title={
        <Flex gap={8} align="center" style={{ minWidth: 0 }}>
          <Tag color={listingKindColor[l.kind]}>{t(`techmarket.listingKinds.${l.kind}`)}</Tag>
          <Typography.Text strong ellipsis>
            <Highlight text={l.title} terms={terms} />
          </Typography.Text>
        </Flex>
      }
      extra={extra}
    >
      <Typography.Paragraph ellipsis={{ rows: 3 }} style={{ marginBottom: 8 }}>
        <Highlight text={l.description} terms={terms} />
      </Typography.Paragraph>
      <Flex gap={6} wrap>
        <Tag>{t(`techmarket.fieldCodes.${l.fieldCode}`)}</Tag>
        {region ? <Tag>{region}</Tag> : null}
        {l.keywords.map((k) => (
          <Tag key={k} bordered={false}>
            {k}
          </Tag>
        ))}
        {l.amountFen !== null ? (
          <Tag color="orange">{t(`techmarket.listing.amount.${l.kind}`, { amount: wanText(l.amountFen) })}</Tag>
        ) : null}
        {l.trl !== null ? <Tag>TRL {l.trl}</Tag> : null}
      </Flex>
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
        {l.ownerOrgName}
        {l.contact ? ` · ${l.contact}` : ''}
        {l.validUntil ? ` · ${t('techmarket.listing.validUntil', { date: l.validUntil })}` : ''}
      </Typography.Text>
    </Card>
  );
}
