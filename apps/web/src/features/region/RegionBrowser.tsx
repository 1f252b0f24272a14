import type { TRegion } from '@kechuang/contracts';
import { Card, Descriptions, Empty, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError.tsx';
import { RegionPicker } from '../../components/RegionPicker.tsx';
import { formatDate } from '../../lib/format.ts';
import { useRegionChildren, useRegionDetail } from './region-api.ts';

/** Pick a region to see its code, level, path and subdivisions. */
export function RegionBrowser() {
  const { t } = useTranslation();
  const [code, setCode] = useState<string | undefined>();
  const detail = useRegionDetail(code);
  const children = useRegionChildren(code);
  const region = detail.data?.region;

  return (
    <Card title={t('region.browse.title')} style={{ height: '100%' }}>
      <Typography.Paragraph type="secondary">{t('region.browse.hint')}</Typography.Paragraph>
      <RegionPicker value={code ?? null} onChange={setCode} includeRetired style={{ width: '100%' }} data-testid="region-browser-picker" />
      {detail.isError ? <QueryError error={detail.error} onRetry={() => detail.refetch()} /> : null}
      {!code ? (
        <Empty description={t('region.browse.empty')} style={{ marginTop: 32 }} />
      ) : region ? (
        <>
          <Descriptions
            column={1}
            size="small"
            bordered
            style={{ marginTop: 16 }}
            items={[
              { key: 'code', label: t('region.fields.code'), children: <Typography.Text code>{region.code}</Typography.Text> },
              {
                key: 'name',
                label: t('region.fields.name'),
                children: (
                  <>
                    {region.name}
                    {region.validTo ? <Tag style={{ marginLeft: 8 }}>{t('region.picker.retired')}</Tag> : null}
                  </>
                ),
              },
              { key: 'level', label: t('region.fields.level'), children: t(`region.level.${region.level}`) },
              { key: 'path', label: t('region.fields.path'), children: (detail.data?.path ?? []).map((r) => r.name).join(' / ') },
              { key: 'initials', label: t('region.fields.initials'), children: <Typography.Text code>{region.initials}</Typography.Text> },
              { key: 'validFrom', label: t('region.fields.validFrom'), children: formatDate(region.validFrom) || t('common.none') },
              ...(region.validTo
                ? [
                    { key: 'validTo', label: t('region.fields.validTo'), children: formatDate(region.validTo) },
                    { key: 'successor', label: t('region.fields.successor'), children: region.successorCode ?? t('common.none') },
                  ]
                : []),
            ]}
          />
          {region.level < 3 ? (
            <>
              <Typography.Title level={5} style={{ marginTop: 20 }}>
                {t('region.browse.children')}
              </Typography.Title>
              <Table<TRegion>
                rowKey="code"
                size="small"
                loading={children.isFetching}
                dataSource={children.data ?? []}
                columns={[
                  { title: t('region.fields.code'), dataIndex: 'code', width: 100 },
                  {
                    title: t('region.fields.name'),
                    dataIndex: 'name',
                    render: (name: string, r) => (
                      <Typography.Link onClick={() => setCode(r.code)}>
                        {name}
                        {r.validTo ? <Tag style={{ marginLeft: 6 }}>{t('region.picker.retired')}</Tag> : null}
                      </Typography.Link>
                    ),
                  },
                  { title: t('region.fields.initials'), dataIndex: 'initials', width: 110 },
                ]}
                locale={{ emptyText: <Empty description={t('region.browse.noChildren')} /> }}
                pagination={{ pageSize: 10, size: 'small', showTotal: (total) => t('common.table.total', { total }) }}
              />
            </>
          ) : null}
        </>
      ) : null}
    </Card>
  );
}
