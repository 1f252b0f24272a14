import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useCurrentUser } from '../auth/auth-api.ts';
import { ApplyTab } from './ApplyTab.tsx';
import { CallsTab } from './CallsTab.tsx';
import { EvaluationsTab } from './EvaluationsTab.tsx';
import { useRoleFlags } from './labels.tsx';
import { RegistryTab } from './RegistryTab.tsx';
import { StatsTab } from './StatsTab.tsx';

/** 创新平台: the registry, the city 认定 rounds, 绩效评价 and the counts — each tab only for the roles that may use it. */
export function PlatformsPage() {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const { manager, reader, unit } = useRoleFlags(user);
  const navigate = useNavigate();
  const { '*': rest } = useParams();
  const tab = (rest ?? '').split('/')[0];
  const items = [
    ...(reader || unit
      ? [
          {
            key: 'registry',
            label: t(unit && !reader ? 'platform.tabs.mine' : 'platform.tabs.registry'),
            children: <RegistryTab manager={manager} />,
          },
        ]
      : []),
    ...(reader ? [{ key: 'calls', label: t('platform.tabs.calls'), children: <CallsTab manager={manager} /> }] : []),
    ...(unit ? [{ key: 'apply', label: t('platform.tabs.apply'), children: <ApplyTab /> }] : []),
    ...(reader ? [{ key: 'evaluations', label: t('platform.tabs.evaluations'), children: <EvaluationsTab manager={manager} /> }] : []),
    ...(reader ? [{ key: 'stats', label: t('platform.tabs.stats'), children: <StatsTab /> }] : []),
  ];
  const active = items.some((i) => i.key === tab) ? (tab as string) : (items[0]?.key ?? 'registry');
  return (
    <div data-testid="page-platforms">
      <PageHeader title={t('modules.platforms.title')} subtitle={t('modules.platforms.subtitle')} />
      <Tabs activeKey={active} onChange={(k) => navigate(`/platforms/${k}`)} items={items} destroyOnHidden />
    </div>
  );
}
