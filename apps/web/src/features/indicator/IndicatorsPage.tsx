import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { CatalogTab } from './CatalogTab.tsx';
import { CompareTab } from './CompareTab.tsx';
import { EvaluationTab } from './EvaluationTab.tsx';
import { MapTab } from './MapTab.tsx';
import { ProfileTab } from './ProfileTab.tsx';
import { RankingTab } from './RankingTab.tsx';
import { TargetsTab } from './TargetsTab.tsx';
import { ValuesTab } from './ValuesTab.tsx';

const tabs = ['profile', 'ranking', 'map', 'compare', 'evaluation', 'targets', 'values', 'catalog'] as const;
type TabKey = (typeof tabs)[number];
const isTab = (v: string | undefined): v is TabKey => tabs.some((t) => t === v);

const content: Record<TabKey, () => React.JSX.Element> = {
  profile: ProfileTab,
  ranking: RankingTab,
  map: MapTab,
  compare: CompareTab,
  evaluation: EvaluationTab,
  targets: TargetsTab,
  values: ValuesTab,
  catalog: CatalogTab,
};

/** 指标与评价: one page, a tab per view (/indicators/:tab so that every view has its own link). */
export function IndicatorsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { tab } = useParams();
  const active: TabKey = isTab(tab) ? tab : 'profile';
  return (
    <div data-testid="page-indicators">
      <PageHeader title={t('modules.indicators.title')} subtitle={t('indicator.subtitle')} />
      <Tabs
        activeKey={active}
        onChange={(key) => navigate(`/indicators/${key}`)}
        destroyOnHidden={false}
        items={tabs.map((key) => {
          const Content = content[key];
          return { key, label: <span data-testid={`tab-${key}`}>{t(`indicator.tabs.${key}`)}</span>, children: <Content /> };
        })}
      />
    </div>
  );
}
