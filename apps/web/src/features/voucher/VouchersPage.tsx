import { regionContains, type TVoucherPack } from '@kechuang/contracts';
import { Alert, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { bureauToday } from '../../lib/bureau-date.ts';
import { useSearchState } from '../../lib/use-search-state.ts';
import { useCurrentUser } from '../auth/auth-api.ts';
import { BatchesTab } from './BatchesTab.tsx';
import { ProvidersTab } from './ProvidersTab.tsx';
import { QuotasTab } from './QuotasTab.tsx';
import { UsesTab } from './UsesTab.tsx';
import { usePacks, useVoucherMe } from './voucher-api.ts';

/** The pack in force in the user's region today, the most specific region first (as the server grants quotas). */
function packFor(packs: TVoucherPack[], regionCode: string, today: string): TVoucherPack | undefined {
  const depth = (code: string) => (code.endsWith('0000') ? 1 : code.endsWith('00') ? 2 : 3);
  return packs
    .filter((p) => p.regionCodes.some((r) => regionContains(r, regionCode)))
    .filter((p) => p.effectiveFrom <= today && (p.effectiveTo === null || today <= p.effectiveTo))
    .sort((a, b) => Math.max(...b.regionCodes.map(depth)) - Math.max(...a.regionCodes.map(depth)))[0];
}

/**
 * 科技创新券: the bureau grants quotas, keeps the provider registry, approves redemptions and batches them by
 * quarter; an enterprise applies and uses its quota; a provider applies for redemption with its evidence. Each
 * sees only its tabs (the server checks every call again).
 */
export function VouchersPage() {
  const { t } = useTranslation();
  const me = useVoucherMe();
  const packs = usePacks();
  const { user } = useCurrentUser();
  const [search, setSearch] = useSearchState();
  if (me.isError) return <QueryError error={me.error} onRetry={() => me.refetch()} />;
  if (!me.data) return <FullPageSpin />;
  const m = me.data;
  const holder = m.enterpriseId !== null;
  const provider = m.providerId !== null;
  const items = [
    ...(m.bureau || holder ? [{ key: 'quotas', label: t('voucher.tabs.quotas'), children: <QuotasTab me={m} /> }] : []),
    ...(m.bureau || holder
      ? [{ key: 'uses', label: t('voucher.tabs.uses'), children: <UsesTab me={m} as={m.bureau ? undefined : 'holder'} /> }]
      : []),
    ...(provider ? [{ key: 'redeem', label: t('voucher.tabs.redeem'), children: <UsesTab me={m} as="provider" /> }] : []),
    ...(m.bureau ? [{ key: 'providers', label: t('voucher.tabs.providers'), children: <ProvidersTab me={m} /> }] : []),
    ...(m.bureau ? [{ key: 'batches', label: t('voucher.tabs.batches'), children: <BatchesTab me={m} /> }] : []),
  ];
  const pack = packs.data ? packFor(packs.data, user.regionCode, bureauToday()) : undefined;
  return (
    <div data-testid="vouchers-page">
      <PageHeader
        title={t('voucher.title')}
        subtitle={pack ? t('voucher.subtitle', { pack: pack.name }) : packs.data ? t('voucher.noPack') : undefined}
      />
      {pack && !pack.verified ? <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={pack.source} /> : null}
      <Tabs
        activeKey={search.tab && items.some((i) => i.key === search.tab) ? search.tab : items[0]?.key}
        onChange={(tab) => setSearch({ tab, page: undefined, status: undefined, q: undefined })}
        items={items}
        destroyOnHidden
      />
    </div>
  );
}
