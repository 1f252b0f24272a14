import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useDrawer } from '../../lib/use-drawer.ts';
import { useCurrentUser } from '../auth/auth-api.ts';
import { type DrawerItem, RecordDrawer } from './RecordDrawer.tsx';
import { RecordsTab } from './RecordsTab.tsx';
import { SuggestionsTab } from './SuggestionsTab.tsx';

/** 科研诚信: the bureau's register of records (红名单 / 黑名单 / 重点关注) and the suggestions from projects. */
export function IntegrityPage() {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  // mirrors core/integrity/integrity.policy.ts: admin and planner manage, viewers read
  const canManage = user.roles.some((r) => r === 'admin' || r === 'planner');
  const navigate = useNavigate();
  const { tab } = useParams();
  const drawer = useDrawer<DrawerItem>();
  const items = [
    {
      key: 'records',
      label: t('integrity.tabs.records'),
      children: <RecordsTab canManage={canManage} onOpen={(r) => drawer.openWith(r ? { kind: 'record', record: r } : { kind: 'new' })} />,
    },
    {
      key: 'suggestions',
      label: t('integrity.tabs.suggestions'),
      children: <SuggestionsTab canManage={canManage} onRecord={drawer.openWith} />,
    },
  ];
  const active = items.some((i) => i.key === tab) ? (tab as string) : 'records';
  return (
    <div data-testid="page-integrity">
      <PageHeader title={t('modules.integrity.title')} subtitle={t('modules.integrity.subtitle')} />
      <Tabs activeKey={active} onChange={(k) => navigate(`/integrity/${k}`)} items={items} destroyOnHidden />
      <RecordDrawer key={drawer.key} open={drawer.open} item={drawer.item} onClose={drawer.close} canManage={canManage} />
    </div>
  );
}
