import type { UseQueryResult } from '@tanstack/react-query';
import { Card, Flex, Table, type TableColumnsType, type TableProps } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TableSkeleton } from './PageSkeleton.tsx';
import { QueryError } from './QueryError.tsx';

/** A server-side page of rows, as every list endpoint answers. */
export interface RowPage<T> {
  items: T[];
  total: number;
}

export interface ListPaging {
  page: number;
  pageSize: number;
  /** the column key the server sorts by, and its direction */
  sort?: string;
  order?: 'asc' | 'desc';
}

export interface ListCardProps<T> {
  title: ReactNode;
  /** buttons on the card's header: create, import, export */
  extra?: ReactNode;
  /** the filter bar above the table */
  filters?: ReactNode;
  query: UseQueryResult<RowPage<T>>;
  columns: TableColumnsType<T>;
  rowKey: keyof T & string;
  paging: ListPaging;
  onPaging: (next: ListPaging) => void;
  testId?: string;
  scrollX?: number;
  expandable?: TableProps<T>['expandable'];
}

/**
 * The list page every module repeats: a card with its actions, a filter bar, a table paged, and sorted on
 * the columns that say `sorter: true`, by the server; errors and the first load shown in place.
 */
export function ListCard<T extends object>(props: ListCardProps<T>) {
  const { t } = useTranslation();
  const { query, paging } = props;
  const columns = props.columns.map((c) =>
    'key' in c && c.key !== undefined && paging.sort === c.key
      ? { ...c, sortOrder: paging.order === 'asc' ? ('ascend' as const) : ('descend' as const) }
      : c,
  );
  return (
    <Card title={props.title} extra={props.extra} styles={{ body: { padding: 0 } }} style={{ marginBottom: 16 }} data-testid={props.testId}>
      {props.filters}
      {query.isError ? <QueryError error={query.error} onRetry={() => query.refetch()} /> : null}
      {query.isPending ? (
        <TableSkeleton />
      ) : (
        <Table<T>
          rowKey={props.rowKey}
          columns={columns}
          dataSource={query.data?.items ?? []}
          loading={query.isFetching}
          scroll={{ x: props.scrollX ?? 900 }}
          expandable={props.expandable}
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: query.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.table.total', { total }),
          }}
          onChange={(p, _f, sorter) => {
            const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<T> | undefined;
            const key = s?.order ? String(s.columnKey ?? '') : undefined;
            onPagingChange(props, {
              page: p.current ?? 1,
              pageSize: p.pageSize ?? paging.pageSize,
              ...(key ? { sort: key, order: s?.order === 'ascend' ? 'asc' : 'desc' } : {}),
            });
          }}
        />
      )}
    </Card>
  );
}

function onPagingChange<T>(props: ListCardProps<T>, next: ListPaging) {
  // a new sort starts again from the first page
  const sortChanged = next.sort !== props.paging.sort || next.order !== props.paging.order;
  props.onPaging(sortChanged ? { ...next, page: 1 } : next);
}

/** The row of filters above a list's table. */
export function FilterBar({ children }: { children: ReactNode }) {
  return (
    <Flex gap={12} wrap align="center" style={{ padding: 16 }}>
      {children}
    </Flex>
  );
}
