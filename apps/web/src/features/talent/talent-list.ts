import type { TFunction } from 'i18next';
import type { ListPaging } from '../../components/ListCard.tsx';
import type { ListFilter } from '../../components/ListFilters.tsx';
import { bureauYear } from '../../lib/bureau-date.ts';
import { intParam, useSearchState } from '../../lib/use-search-state.ts';

/** A talent list's filters and page, kept in the URL; the year is the bureau's own unless one is chosen. */
export function useTalentListSearch() {
  const [search, setSearch] = useSearchState();
  const year = Number(search.year) || bureauYear();
  const paging = { page: intParam(search.page, 1), pageSize: intParam(search.pageSize, 20) };
  const onPaging = (p: ListPaging) => setSearch({ page: String(p.page), pageSize: String(p.pageSize) });
  return { search, setSearch, year, paging, onPaging };
}

/** The filters the talent lists share: the year of the 特派员, a name, the region. */
export const talentFilters = (t: TFunction) => ({
  year: (year: number): ListFilter => ({ kind: 'year', key: 'year', value: year, prefix: t('talent.fields.year') }),
  name: (width = 200, placeholder = t('talent.fields.name')): ListFilter => ({ kind: 'text', key: 'q', placeholder, width }),
  region: (): ListFilter => ({ kind: 'region', key: 'region', placeholder: t('talent.fields.region'), width: 200 }),
});
