import { PlusOutlined } from '@ant-design/icons';
import type { TSeller } from '@kechuang/contracts';
import { type TTechContract, techContractStatuses } from '@kechuang/contracts';
import { Button, Select, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FilterBar, ListCard } from '../../components/ListCard.tsx';
import { useDrawer } from '../../lib/use-drawer.ts';
import { intParam, useSearchState } from '../../lib/use-search-state.ts';
import { wanText } from '../project/wan.ts';
import { StatusTag } from './ContractDetails.tsx';
import { ContractFormDrawer } from './ContractFormDrawer.tsx';
import { SellerCard } from './SellerRegistration.tsx';
import { useContracts } from './techmarket-api.ts';

/** 我的合同: the unit's own technology contracts, from draft to 登记证明. */
export function MyContractsTab({ seller }: { seller: TSeller }) {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchState();
  const paging = { page: intParam(search.page, 1), pageSize: intParam(search.pageSize, 20) };
  const status = techContractStatuses.find((s) => s === search.status);
  const list = useContracts({ ...paging, status });
  const drawer = useDrawer<number>();
  const columns: TableColumnsType<TTechContract> = [
    {
      title: t('techmarket.fields.name'),
      key: 'name',
      render: (_, c) => (
        <div>
          <Typography.Link strong onClick={() => drawer.openWith(c.id)} data-testid="contract-open">
            {c.name}
          </Typography.Link>
          <div>
            <Typography.Text type="secondary">{c.buyerName}</Typography.Text>
          </div>
        </div>
      ),
    },
    { title: t('techmarket.fields.subject'), key: 'subject', width: 150, render: (_, c) => t(`techmarket.subjects.${c.subject}`) },
    { title: t('techmarket.fields.contractAmount'), key: 'amount', width: 140, render: (_, c) => wanText(c.contractAmountFen) },
    {
      title: t('techmarket.fields.technicalAmount'),
      key: 'technical',
      width: 140,
      render: (_, c) => (c.technicalAmountFen === null ? t('common.none') : wanText(c.technicalAmountFen)),
    },
    { title: t('techmarket.fields.status'), key: 'status', width: 110, render: (_, c) => <StatusTag status={c.status} /> },
    { title: t('techmarket.fields.registrationNo'), key: 'no', width: 170, render: (_, c) => c.registrationNo ?? t('common.none') },
  ];
  return (
    <>
      <SellerCard seller={seller} />
      <ListCard<TTechContract>
        title={t('techmarket.tabs.contracts')}
        testId="my-contracts"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => drawer.openWith(null)} data-testid="contract-new">
            {t('techmarket.contract.new')}
          </Button>
        }
        filters={
          <FilterBar>
            <Select
              value={status}
              onChange={(v) => setSearch({ status: v })}
              allowClear
              placeholder={t('techmarket.fields.status')}
              style={{ width: 140 }}
              options={techContractStatuses.map((s) => ({ value: s, label: t(`techmarket.statuses.${s}`) }))}
            />
            <Typography.Text type="secondary">{t('techmarket.contract.policyHint')}</Typography.Text>
          </FilterBar>
        }
        query={list}
        columns={columns}
        rowKey="id"
        paging={paging}
        onPaging={(p) => setSearch({ page: String(p.page), pageSize: String(p.pageSize) })}
      />
      <ContractFormDrawer
        key={drawer.key}
        id={drawer.item}
        open={drawer.open}
        onClose={drawer.close}
        onCreated={(id) => drawer.openWith(id)}
      />
    </>
  );
}
