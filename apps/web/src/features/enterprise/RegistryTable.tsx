import { PlusOutlined } from '@ant-design/icons';
import { ladderRungs, type TEnterprise, type TLadderRung } from '@kechuang/contracts';
import { Button, Drawer, Flex, Input, Select, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterBar, ListCard } from '../../components/ListCard.tsx';
import { RegionPicker } from '../../components/RegionPicker.tsx';
import { useCurrentUser } from '../auth/auth-api.ts';
import { EnterpriseFormModal } from './EnterpriseFormModal.tsx';
import { ImportExport } from './ImportExport.tsx';
import { EnterpriseRecord } from './MyEnterprise.tsx';
import { useEnterprises } from './registry-api.ts';
import { rungColor } from './rungs.ts';

export interface RegistryFilters {
  q?: string;
  region?: string;
  rung?: TLadderRung;
  page: number;
  pageSize: number;
}

/** 企业库: search by name or credit code, filter by region and rung, page through. */
export function RegistryTable({ filters, onChange }: { filters: RegistryFilters; onChange: (next: Partial<RegistryFilters>) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState(filters.q ?? '');
  const [open, setOpen] = useState<Pick<TEnterprise, 'id' | 'name'> | null>(null);
  const [creating, setCreating] = useState(false);
  const list = useEnterprises(filters);
  const { user } = useCurrentUser();
  const canImport = user.roles.some((r) => r === 'admin' || r === 'planner');
  const columns: TableColumnsType<TEnterprise> = [
    {
      title: t('enterprise.registry.cols.name'),
      key: 'name',
      render: (_, e) => (
        <div>
          <Typography.Link strong onClick={() => setOpen(e)}>
            {e.name}
          </Typography.Link>
          <div>
            <Typography.Text code style={{ fontSize: 12 }}>
              {e.uscc}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { title: t('enterprise.registry.cols.region'), dataIndex: 'regionName', width: 120 },
    {
      title: t('enterprise.registry.cols.industry'),
      dataIndex: 'industryCode',
      width: 100,
      render: (v: string | null) => v ?? t('common.none'),
    },
    {
      title: t('enterprise.registry.cols.registeredOn'),
      dataIndex: 'registeredOn',
      width: 120,
      render: (v: string | null) => v ?? t('common.none'),
    },
    {
      title: t('enterprise.registry.cols.rungs'),
      dataIndex: 'rungs',
      render: (rungs: TLadderRung[]) =>
        rungs.length === 0 ? (
          <Typography.Text type="secondary">{t('enterprise.registry.noRung')}</Typography.Text>
        ) : (
          <Flex gap={4} wrap>
            {rungs.map((r) => (
              <Tag key={r} color={rungColor[r]}>
                {t(`enterprise.rungs.${r}`)}
              </Tag>
            ))}
          </Flex>
        ),
    },
  ];
  return (
    <>
      <ListCard<TEnterprise>
        title={t('enterprise.registry.title')}
        testId="enterprise-registry"
        extra={
          <Flex gap={8}>
            {canImport ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="enterprise-create">
                {t('enterprise.registry.form.create')}
              </Button>
            ) : null}
            <ImportExport region={filters.region} canImport={canImport} />
          </Flex>
        }
        filters={
          <FilterBar>
            <Input.Search
              value={q}
              onChange={(e) => setQ(e.target.value)}
              onSearch={(v) => onChange({ q: v.trim() || undefined, page: 1 })}
              placeholder={t('enterprise.registry.search')}
              allowClear
              style={{ width: 280 }}
              data-testid="enterprise-search"
            />
            <RegionPicker
              value={filters.region ?? null}
              onChange={(region) => onChange({ region, page: 1 })}
              placeholder={t('enterprise.registry.regionFilter')}
              style={{ width: 260 }}
            />
            <Select<TLadderRung>
              value={filters.rung}
              onChange={(rung) => onChange({ rung, page: 1 })}
              allowClear
              placeholder={t('enterprise.registry.rungFilter')}
              style={{ width: 180 }}
              options={ladderRungs.map((r) => ({ value: r, label: t(`enterprise.rungs.${r}`) }))}
            />
          </FilterBar>
        }
        query={list}
        columns={columns}
        rowKey="id"
        paging={{ page: filters.page, pageSize: filters.pageSize }}
        onPaging={(p) => onChange({ page: p.page, pageSize: p.pageSize })}
      />
      <Drawer open={open !== null} onClose={() => setOpen(null)} title={open?.name} size={1100} destroyOnHidden>
        {open ? <EnterpriseRecord id={open.id} testId="enterprise-record" /> : null}
      </Drawer>
      <EnterpriseFormModal open={creating} editing={null} onClose={() => setCreating(false)} onSaved={(d) => setOpen(d)} />
    </>
  );
}
