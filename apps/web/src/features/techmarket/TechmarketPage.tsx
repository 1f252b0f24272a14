import { Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageSkeleton } from '../../components/PageSkeleton.tsx';
import { useCurrentUser } from '../auth/auth-api.ts';
import { AchievementsTab } from './AchievementsTab.tsx';
import { BrokersTab } from './BrokersTab.tsx';
import { EventsTab } from './EventsTab.tsx';
import { ListingsTab } from './ListingsTab.tsx';
import { MyContractsTab } from './MyContractsTab.tsx';
import { PointsTab } from './PointsTab.tsx';
import { RegistrarListTab } from './RegistrarListTab.tsx';
import { marketRoles } from './roles.ts';
import { SellerRegistration } from './SellerRegistration.tsx';
import { StatsTab } from './StatsTab.tsx';
import { useMySeller, usePoints } from './techmarket-api.ts';

/**
 * 技术市场: each tab only for who may use it — a selling unit registers and keeps its contracts; a point's
 * registrars work their queue and the settled list; the bureau reads the statistics and keeps the points.
 */
export function TechmarketPage() {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const points = usePoints();
  const roles = marketRoles(user, points.data);
  const seller = useMySeller(roles.seller);
  const navigate = useNavigate();
  const { tab } = useParams();
  if (points.isPending || (roles.seller && seller.isPending)) return <PageSkeleton />;
  const items: { key: string; label: string; children: ReactNode }[] = [];
  if (roles.seller && seller.data === null)
    items.push({ key: 'seller', label: t('techmarket.tabs.seller'), children: <SellerRegistration /> });
  if (roles.seller && seller.data)
    items.push({ key: 'contracts', label: t('techmarket.tabs.contracts'), children: <MyContractsTab seller={seller.data} /> });
  if (roles.registrar) {
    items.push({ key: 'queue', label: t('techmarket.tabs.queue'), children: <RegistrarListTab mode="queue" /> });
    items.push({ key: 'registered', label: t('techmarket.tabs.registered'), children: <RegistrarListTab mode="registered" /> });
  }
  if (roles.statsReader) items.push({ key: 'stats', label: t('techmarket.tabs.stats'), children: <StatsTab /> });
  if (roles.seller || roles.statsReader) {
    items.push({ key: 'achievements', label: t('techmarket.tabs.achievements'), children: <AchievementsTab roles={roles} /> });
    items.push({ key: 'listings', label: t('techmarket.tabs.listings'), children: <ListingsTab roles={roles} /> });
  }
  if (roles.statsReader) {
    items.push({ key: 'events', label: t('techmarket.tabs.events'), children: <EventsTab roles={roles} /> });
    items.push({ key: 'brokers', label: t('techmarket.tabs.brokers'), children: <BrokersTab roles={roles} /> });
  }
  if (roles.statsReader)
    items.push({
      key: 'points',
      label: t('techmarket.tabs.points'),
      children: <PointsTab canCreate={roles.manager} canSwitch={roles.admin} />,
    });
  const active = items.some((i) => i.key === tab) ? (tab as string) : (items[0]?.key ?? 'stats');
  return (
    <div data-testid="page-techmarket">
      <PageHeader title={t('modules.techmarket.title')} subtitle={t('modules.techmarket.subtitle')} />
      <Tabs activeKey={active} onChange={(k) => navigate(`/techmarket/${k}`)} items={items} destroyOnHidden />
    </div>
  );
}
