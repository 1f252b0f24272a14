import type { TReviewSubjectKind } from '@kechuang/contracts';
import { Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DrawTab, type WaitingSubject } from './DrawTab.tsx';
import { RankingTab } from './RankingTab.tsx';
import { RubricTab } from './RubricTab.tsx';
import type { ReviewRoles } from './roles.ts';

const tabKeys = ['draw', 'rubric', 'ranking'] as const;
export type BatchTab = (typeof tabKeys)[number];

/**
 * One review batch's draws, rubric and ranking — the same for a project call (专家评审 page), a platform 认定
 * round (platform call page) and a project's acceptance (project page). The tab is kept by the caller when it
 * lives in the address (the review page), else here.
 */
export function BatchTabs(props: {
  subjectKind: TReviewSubjectKind;
  batchId: number;
  roles: ReviewRoles;
  waiting: WaitingSubject[] | undefined;
  tab?: BatchTab;
  onTab?: (tab: BatchTab) => void;
  initialTab?: BatchTab;
}) {
  const { t } = useTranslation();
  const [own, setOwn] = useState<BatchTab>(props.initialTab ?? 'draw');
  const tab = props.tab ?? own;
  const common = { batchId: props.batchId, subjectKind: props.subjectKind, roles: props.roles };
  return (
    <Tabs
      activeKey={tab}
      onChange={(k) => (props.onTab ? props.onTab(k as BatchTab) : setOwn(k as BatchTab))}
      destroyOnHidden
      data-testid={`review-batch-${props.subjectKind}`}
      items={[
        { key: 'draw', label: t('review.batch.tabs.draw'), children: <DrawTab {...common} waiting={props.waiting} /> },
        { key: 'rubric', label: t('review.batch.tabs.rubric'), children: <RubricTab {...common} /> },
        { key: 'ranking', label: t('review.batch.tabs.ranking'), children: <RankingTab {...common} /> },
      ]}
    />
  );
}

export function isBatchTab(x: string | undefined): x is BatchTab {
  return (tabKeys as readonly string[]).includes(x ?? '');
}
