import { PlusOutlined } from '@ant-design/icons';
import type { TRegionChange } from '@kechuang/contracts';
import { Button, Card, Col, Empty, Flex, Row, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { TableSkeleton } from '../../components/PageSkeleton.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { formatDate } from '../../lib/format.ts';
import { useDrawer } from '../../lib/use-drawer.ts';
import { RegionBrowser } from './RegionBrowser.tsx';
import { RegionChangeModal } from './RegionChangeModal.tsx';
import { useRegionChanges } from './region-api.ts';

const kindColor: Record<TRegionChange['kind'], string> = {
  rename: 'blue',
  merge: 'purple',
  recode: 'cyan',
  create: 'green',
  abolish: 'default',
};

function Codes({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  if (codes.length === 0) return <>{t('common.none')}</>;
  return (
    <Flex gap={4} wrap>
      {codes.map((c) => (
        <Typography.Text key={c} code>
          {c}
        </Typography.Text>
      ))}
    </Flex>
  );
}

export function RegionsPage() {
  const { t } = useTranslation();
  const changes = useRegionChanges();
  const modal = useDrawer<never>();

  const columns: TableColumnsType<TRegionChange> = [
    { title: t('region.changes.effectiveDate'), dataIndex: 'effectiveDate', width: 120, render: formatDate },
    {
      title: t('region.changes.kind'),
      dataIndex: 'kind',
      width: 90,
      render: (kind: TRegionChange['kind']) => <Tag color={kindColor[kind]}>{t(`region.kind.${kind}`)}</Tag>,
    },
    { title: t('region.changes.fromCodes'), dataIndex: 'fromCodes', render: (codes: string[]) => <Codes codes={codes} /> },
    {
      title: t('region.changes.toCode'),
      dataIndex: 'toCode',
      width: 100,
      render: (code: string | null) => <Codes codes={code ? [code] : []} />,
    },
    { title: t('region.changes.note'), dataIndex: 'note', ellipsis: true },
  ];

  const recordButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => modal.openWith(null)}>
      {t('region.changes.record')}
    </Button>
  );

  return (
    <div data-testid="page-regions">
      <PageHeader title={t('region.title')} subtitle={t('region.subtitle')} extra={recordButton} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <RegionBrowser />
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t('region.changes.title')} styles={{ body: { padding: 0 } }}>
            {changes.isError ? (
              <div style={{ padding: 16 }}>
                <QueryError error={changes.error} onRetry={() => changes.refetch()} />
              </div>
            ) : null}
            {changes.isPending ? (
              <TableSkeleton />
            ) : (
              <Table<TRegionChange>
                rowKey="id"
                columns={columns}
                dataSource={[...(changes.data ?? [])].sort((a, b) => b.effectiveDate.localeCompare(a.effectiveDate))}
                loading={changes.isFetching}
                locale={{ emptyText: <Empty description={t('region.changes.empty')}>{recordButton}</Empty> }}
                pagination={{ pageSize: 10, showTotal: (total) => t('common.table.total', { total }) }}
                scroll={{ x: 560 }}
              />
            )}
          </Card>
        </Col>
      </Row>
      <RegionChangeModal key={modal.key} open={modal.open} onClose={modal.close} />
    </div>
  );
}
