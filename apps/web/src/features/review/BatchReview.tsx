import { Card, Empty, Flex, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { intParam, useSearchState } from '../../lib/use-search-state.ts';
import { useApplications, useCalls } from '../project/project-api.ts';
import { type BatchTab, BatchTabs, isBatchTab } from './BatchTabs.tsx';
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
  const tab = isBatchTab(search.tab) ? search.tab : 'draw';
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Flex wrap gap={8} align="center">
          <Typography.Text strong>{t('review.batch.call')}</Typography.Text>
          <Select
            showSearch
            optionFilterProp="label"
            style={{ width: 420, maxWidth: '100%' }}
            placeholder={t('review.batch.pickCall')}
            loading={calls.isLoading}
            value={callId}
            options={options}
            onChange={(v: number) => setSearch({ call: String(v) })}
            data-testid="review-call"
          />
        </Flex>
      </Card>
      {callId === undefined ? (
        <Card>
          <Empty description={calls.isSuccess && options.length === 0 ? t('review.batch.noCalls') : t('review.batch.noCall')} />
        </Card>
      ) : (
        <CallBatch callId={callId} roles={roles} tab={tab} onTab={(k) => setSearch({ call: String(callId), tab: k })} />
      )}
    </Space>
  );
}

/** A project call as a review batch: its applications under review wait for panels. */
function CallBatch(props: { callId: number; roles: ReviewRoles; tab: BatchTab; onTab: (t: BatchTab) => void }) {
  const waiting = useApplications({ callId: props.callId, status: 'under_review', page: 1, pageSize: 200 });
  return (
    <BatchTabs
      subjectKind="project_application"
      batchId={props.callId}
      roles={props.roles}
      waiting={waiting.data?.items.map((a) => ({ id: a.id, title: a.title }))}
      tab={props.tab}
      onTab={props.onTab}
    />
  );
}
