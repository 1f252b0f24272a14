import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useCurrentUser } from '../auth/auth-api.ts';
import { expertRoles } from './expert-api.ts';
import { MyExpertTab } from './MyExpertTab.tsx';
import { PoolTab } from './PoolTab.tsx';

/** 评审专家库: the bureau's pool (admin, planner, viewer) and an expert's own entry — each tab only for who may use it. */
export function ExpertsPage() {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const roles = expertRoles(user);
  const navigate = useNavigate();
  const { tab } = useParams();
  const items = [
    ...(roles.reader ? [{ key: 'pool', label: t('expert.tabs.pool'), children: <PoolTab roles={roles} /> }] : []),
    ...(roles.expert ? [{ key: 'me', label: t('expert.tabs.me'), children: <MyExpertTab /> }] : []),
  ];
  const active = items.some((i) => i.key === tab) ? (tab as string) : (items[0]?.key ?? 'pool');
  return (
    <div data-testid="page-experts">
      <PageHeader title={t('modules.experts.title')} subtitle={t('modules.experts.subtitle')} />
      {items.length === 1 ? (
        // one tab only (the bureau, or an expert): no tab bar repeating the card's title
        items[0]?.children
      ) : (
        <Tabs activeKey={active} onChange={(k) => navigate(`/experts/${k}`)} items={items} destroyOnHidden />
      )}
    </div>
  );
}
