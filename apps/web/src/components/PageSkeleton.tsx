import { Card, Skeleton } from 'antd';

/** Shown while a page's code or first data is loading. */
export function PageSkeleton() {
  return (
    <div aria-busy="true">
      <Skeleton active title={{ width: 200 }} paragraph={{ rows: 1, width: 420 }} />
      <Card style={{ marginTop: 16 }}>
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    </div>
  );
}

/** Rows of a table that is loading for the first time. */
export function TableSkeleton() {
  return <Skeleton active title={false} paragraph={{ rows: 8 }} style={{ padding: 16 }} />;
}
