import { Card, Empty, Select, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { intParam, useSearchState } from '../../lib/use-search-state.ts';
import { useCalls } from '../project/project-api.ts';
import { DrawTab } from './DrawTab.tsx';
import { RankingTab } from './RankingTab.tsx';
import { RubricTab } from './RubricTab.tsx';
import type { ReviewRoles } from './roles.ts';

/** One batch (a call) at a time: its draws, its rubric and its ranking. */
export function BatchReview({ roles }: { roles: ReviewRoles }) {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchState();
  const calls = useCalls({ page: 1, pageSize: 200 });
  const callId = search.call ? intParam(search.call, 0) || undefined : undefined;
  const options = (calls.data?.items ?? [])
    .filter((c) => c.status !== 'draft')
    .map((c) => ({ value: c.id, label: `${c.title}（${c.year}）` }));
  const tab = ['draw', 'rubric', 'ranking'].includes(search.tab ?? '') ? (search.tab as string) : 'draw';
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap>
          <Typography.Text strong>{t('review.batch.call')}</Typography.Text>
          <Select
            showSearch
            optionFilterProp="label"
            style={{ minWidth: 420 }}
            placeholder={t('review.batch.pickCall')}
            loading={calls.isLoading}
            value={callId}
            options={options}
            onChange={(v: number) => setSearch({ call: String(v) })}
            data-testid="review-call"
          />
        </Space>
      </Card>
      {callId === undefined ? (
        <Card>
          <Empty description={t('review.batch.noCall')} />
        </Card>
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(k) => setSearch({ call: String(callId), tab: k })}
          destroyOnHidden
          items={[
            { key: 'draw', label: t('review.batch.tabs.draw'), children: <DrawTab callId={callId} roles={roles} /> },
            { key: 'rubric', label: t('review.batch.tabs.rubric'), children: <RubricTab callId={callId} roles={roles} /> },
            { key: 'ranking', label: t('review.batch.tabs.ranking'), children: <RankingTab callId={callId} roles={roles} /> },
          ]}
        />
      )}
    </Space>
  );
}
