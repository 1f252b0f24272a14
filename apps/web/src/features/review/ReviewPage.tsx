import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useSearchState } from '../../lib/use-search-state.ts';
import { useCurrentUser } from '../auth/auth-api.ts';
import { BatchReview } from './BatchReview.tsx';
import { MyReviews } from './MyReviews.tsx';
import { reviewRoles } from './roles.ts';

/** 专家评审: the bureau's draws, rubric and ranking per call; an expert's own assignments. */
export function ReviewPage() {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const roles = reviewRoles(user);
  const [search, setSearch] = useSearchState();
  const items = [
    ...(roles.reader ? [{ key: 'batch', label: t('review.page.tabs.batch'), children: <BatchReview roles={roles} /> }] : []),
    ...(roles.expert ? [{ key: 'mine', label: t('review.page.tabs.mine'), children: <MyReviews /> }] : []),
  ];
  const active = items.some((i) => i.key === search.view) ? (search.view as string) : (items[0]?.key ?? 'batch');
  return (
    <div data-testid="page-review">
      <PageHeader title={t('modules.review.title')} subtitle={t('modules.review.subtitle')} />
      {items.length > 1 ? (
        <Tabs activeKey={active} onChange={(k) => setSearch({ view: k })} items={items} destroyOnHidden />
      ) : (
        items[0]?.children
      )}
    </div>
  );
}
