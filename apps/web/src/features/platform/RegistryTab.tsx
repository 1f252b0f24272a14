import { PlusOutlined } from '@ant-design/icons';
import type { TPlatform } from '@kechuang/contracts';
import { Button, Input, Select, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportButton } from '../../components/ExportButton.tsx';
import { FilterBar, ListCard } from '../../components/ListCard.tsx';
import { RegionPicker } from '../../components/RegionPicker.tsx';
import { intParam, useSearchState } from '../../lib/use-search-state.ts';
import { GradeTag, levelOrder } from './labels.tsx';
import { PlatformDrawer } from './PlatformDrawer.tsx';
import { usePlatforms, usePlatformTypes } from './platform-api.ts';
import { RegisterModal } from './RegisterModal.tsx';

/** The registry with filters (type, level, region, status, text), the detail drawer and the .xlsx export. */
export function RegistryTab({ manager }: { manager: boolean }) {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchState();
  const [q, setQ] = useState(search.q ?? '');
  const [openId, setOpenId] = useState<number | null>(null);
  const [registering, setRegistering] = useState(false);
  const types = usePlatformTypes();
  const filters = { type: search.type, level: search.level, region: search.region, status: search.status, q: search.q };
  const paging = { page: intParam(search.page, 1), pageSize: intParam(search.pageSize, 20) };
  const list = usePlatforms({ ...filters, ...paging });
  const columns: TableColumnsType<TPlatform> = [
    {
      title: t('platform.fields.name'),
      key: 'name',
      width: 280,
      render: (_, p) => (
        <Typography.Link onClick={() => setOpenId(p.id)} data-testid="platform-open">
          {p.name}
        </Typography.Link>
      ),
    },
    { title: t('platform.fields.type'), dataIndex: 'typeName', width: 150 },
    { title: t('platform.fields.level'), key: 'level', width: 80, render: (_, p) => t(`platform.levels.${p.level}`) },
    { title: t('platform.fields.org'), dataIndex: 'orgName', width: 220 },
    { title: t('platform.fields.region'), dataIndex: 'regionName', width: 100 },
    { title: t('platform.fields.docNo'), dataIndex: 'docNo', width: 170 },
    { title: t('platform.fields.approvedOn'), dataIndex: 'approvedOn', width: 110 },
    {
      title: t('platform.fields.status'),
      key: 'status',
      width: 90,
      render: (_, p) =>
        p.status === 'active' ? (
          t('platform.status.active')
        ) : (
          <Typography.Text type="danger">{t('platform.status.delisted')}</Typography.Text>
        ),
    },
    { title: t('platform.fields.lastGrade'), key: 'grade', width: 110, render: (_, p) => <GradeTag grade={p.lastGrade} /> },
  ];
  return (
    <>
      <ListCard<TPlatform>
        title={t('platform.list.title')}
        testId="platform-list"
        extra={
          <>
            <ExportButton
              path="/api/platforms/export"
              fallbackName="创新平台名录.xlsx"
              query={filters}
              label={t('platform.list.export')}
              testId="platform-export"
            />
            {manager ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setRegistering(true)}
                style={{ marginLeft: 8 }}
                data-testid="platform-register"
              >
                {t('platform.list.register')}
              </Button>
            ) : null}
          </>
        }
        filters={
          <FilterBar>
            <Select
              allowClear
              placeholder={t('platform.list.allTypes')}
              style={{ width: 190 }}
              value={search.type}
              onChange={(v) => setSearch({ type: v })}
              options={(types.data ?? []).map((x) => ({ value: x.code, label: x.name }))}
              data-testid="platform-filter-type"
            />
            <Select
              allowClear
              placeholder={t('platform.list.allLevels')}
              style={{ width: 120 }}
              value={search.level}
              onChange={(v) => setSearch({ level: v })}
              options={levelOrder.map((l) => ({ value: l, label: t(`platform.levels.${l}`) }))}
              data-testid="platform-filter-level"
            />
            {manager || search.region ? (
              <RegionPicker value={search.region ?? null} onChange={(v) => setSearch({ region: v ?? undefined })} style={{ width: 200 }} />
            ) : null}
            <Select
              allowClear
              placeholder={t('platform.list.allStatus')}
              style={{ width: 120 }}
              value={search.status}
              onChange={(v) => setSearch({ status: v })}
              options={(['active', 'delisted'] as const).map((s) => ({ value: s, label: t(`platform.status.${s}`) }))}
            />
            <Input.Search
              value={q}
              onChange={(e) => setQ(e.target.value)}
              onSearch={(v) => setSearch({ q: v.trim() || undefined })}
              placeholder={t('platform.list.search')}
              allowClear
              style={{ width: 260 }}
              data-testid="platform-search"
            />
          </FilterBar>
        }
        query={list}
        columns={columns}
        rowKey="id"
        paging={paging}
        onPaging={(p) => setSearch({ page: String(p.page), pageSize: String(p.pageSize) })}
        scrollX={1300}
      />
      <PlatformDrawer id={openId} onClose={() => setOpenId(null)} />
      {registering ? <RegisterModal onClose={() => setRegistering(false)} /> : null}
    </>
  );
}
