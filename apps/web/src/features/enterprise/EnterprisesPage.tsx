import { ladderRungs, type TLadderRung } from '@kechuang/contracts';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { intParam, useSearchState } from '../../lib/use-search-state.ts';
import { useCurrentUser } from '../auth/auth-api.ts';
import { AssessEntry } from './AssessEntry.tsx';
import { FunnelCard } from './FunnelCard.tsx';
import { MyEnterprise } from './MyEnterprise.tsx';
import { type RegistryFilters, RegistryTable } from './RegistryTable.tsx';
import { ReservePool } from './ReservePool.tsx';

const isRung = (v: string | undefined): v is TLadderRung => ladderRungs.some((r) => r === v);

/** 企业培育: the bureau sees the registry, the ladder funnel and the reserve pool; an enterprise sees its own record. */
export function EnterprisesPage() {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const [search, setSearch] = useSearchState();
  const isEnterprise = user.roles.includes('enterprise') && user.roles.length === 1;
  const filters: RegistryFilters = {
    ...(search.q ? { q: search.q } : {}),
    ...(search.region ? { region: search.region } : {}),
    ...(isRung(search.rung) ? { rung: search.rung } : {}),
    page: intParam(search.page, 1),
    pageSize: intParam(search.pageSize, 20),
  };
  const year = intParam(search.year, new Date().getFullYear());
  return (
    <div data-testid="page-enterprises">
      <PageHeader title={t('modules.enterprises.title')} subtitle={t('modules.enterprises.subtitle')} />
      <AssessEntry />
      {isEnterprise ? (
        <MyEnterprise />
      ) : (
        <>
          <FunnelCard region={filters.region} year={year} onYear={(y) => setSearch({ year: String(y), page: search.page })} />
          <RegistryTable
            filters={filters}
            onChange={(next) =>
              setSearch({
                ...('q' in next ? { q: next.q } : {}),
                ...('region' in next ? { region: next.region } : {}),
                ...('rung' in next ? { rung: next.rung } : {}),
                page: String(next.page ?? filters.page),
                pageSize: String(next.pageSize ?? filters.pageSize),
              })
            }
          />
          <ReservePool region={filters.region} />
        </>
      )}
    </div>
  );
}
