import type { TTechContract } from '@kechuang/contracts';
import { Segmented, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportButton } from '../../components/ExportButton.tsx';
import { FilterBar, ListCard } from '../../components/ListCard.tsx';
import { RegionName } from '../../components/RegionName.tsx';
import { daysUntil } from '../../lib/bureau-date.ts';
import { wanText } from '../project/wan.ts';
import { StatusTag } from './ContractDetails.tsx';
import type { ContractTypeKey } from './form-vocab.ts';
import { SearchBox, useListSearch } from './market-list.tsx';
import { ReviewDrawer } from './ReviewDrawer.tsx';
import { useContracts } from './techmarket-api.ts';

const queues = {
  queue: ['submitted', 'accepted', 'correction_requested'],
  registered: ['registered', 'refused', 'not_accepted'],
} as const satisfies Record<string, readonly TTechContract['status'][]>;
type QueueStatus = (typeof queues)[keyof typeof queues][number];

/**
 * The registrar's lists of the contracts submitted to its point: 待受理 / 待认定 / 待补正 (the queue, with the
 * deadline of each), and the settled ones (已登记 / 不予登记 / 不予受理).
 */
export function RegistrarListTab({ mode }: { mode: keyof typeof queues }) {
  const { t } = useTranslation();
  const { search, setSearch, paging, onPaging } = useListSearch();
  const statuses: readonly QueueStatus[] = queues[mode];
  const status = statuses.find((s) => s === search.status) ?? statuses[0];
  const list = useContracts({ ...paging, status, q: search.q });
  const [open, setOpen] = useState<number | undefined>();
  const columns: TableColumnsType<TTechContract> = [
    {
      title: t('techmarket.fields.name'),
      key: 'name',
      render: (_, c) => (
        <div>
          <Typography.Link strong onClick={() => setOpen(c.id)} data-testid="review-open">
            {c.name}
          </Typography.Link>
          <div>
            <Typography.Text type="secondary">
              {c.sellerName} → {c.buyerName}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { title: t('techmarket.fields.sellerRegion'), key: 'sr', width: 100, render: (_, c) => <RegionName code={c.sellerRegionCode} /> },
    { title: t('techmarket.fields.buyerRegion'), key: 'br', width: 100, render: (_, c) => <RegionName code={c.buyerRegionCode} /> },
    { title: t('techmarket.fields.contractAmount'), key: 'amount', width: 130, render: (_, c) => wanText(c.contractAmountFen) },
    mode === 'queue'
      ? {
          title: t('techmarket.fields.dueOn'),
          key: 'due',
          width: 150,
          render: (_, c) => {
            if (!c.dueOn) return t('techmarket.review.notAcceptedYet');
            const left = daysUntil(c.dueOn);
            return (
              <Typography.Text type={left < 0 ? 'danger' : left <= 5 ? 'warning' : undefined}>
                {c.dueOn}（{left < 0 ? t('techmarket.deadline.overdue', { days: -left }) : t('techmarket.deadline.left', { days: left })}）
              </Typography.Text>
            );
          },
        }
      : {
          title: t('techmarket.fields.technicalAmount'),
          key: 'technical',
          width: 130,
          render: (_, c) => (c.technicalAmountFen === null ? t('common.none') : wanText(c.technicalAmountFen)),
        },
    mode === 'queue'
      ? { title: t('techmarket.fields.subject'), key: 'subject', width: 130, render: (_, c) => t(`techmarket.subjects.${c.subject}`) }
      : {
          title: t('techmarket.fields.type'),
          key: 'type',
          width: 150,
          render: (_, c) =>
            c.contractType ? `${t(`techmarket.types.${c.contractType as ContractTypeKey}`)} · ${c.subtype ?? ''}` : t('common.none'),
        },
    { title: t('techmarket.fields.status'), key: 'status', width: 100, render: (_, c) => <StatusTag status={c.status} /> },
    ...(mode === 'registered'
      ? [
          {
            title: t('techmarket.fields.registrationNo'),
            key: 'no',
            width: 170,
            render: (_: unknown, c: TTechContract) => c.registrationNo ?? '',
          },
        ]
      : []),
  ];
  return (
    <>
      <ListCard<TTechContract>
        title={t(`techmarket.tabs.${mode}`)}
        testId={`registrar-${mode}`}
        extra={
          <ExportButton
            path="/api/techmarket/contracts.xlsx"
            fallbackName="技术合同.xlsx"
            query={{ status, q: search.q }}
            label={t('techmarket.review.exportList')}
            testId={`registrar-${mode}-export`}
          />
        }
        filters={
          <FilterBar>
            <Segmented
              value={status}
              onChange={(v) => setSearch({ status: String(v) })}
              options={statuses.map((s) => ({ value: s, label: t(`techmarket.queue.${s}`) }))}
              data-testid={`registrar-${mode}-status`}
            />
            <SearchBox q={search.q} onSearch={(q) => setSearch({ q })} placeholder={t('techmarket.review.search')} width={280} />
          </FilterBar>
        }
        query={list}
        columns={columns}
        rowKey="id"
        scrollX={1000}
        paging={paging}
        onPaging={onPaging}
      />
      <ReviewDrawer id={open} onClose={() => setOpen(undefined)} />
    </>
  );
}
