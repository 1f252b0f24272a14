import type { TRegion } from '@kechuang/contracts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Cascader, Spin, Typography } from 'antd';
import { type CSSProperties, type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../lib/use-debounced.ts';
import { fetchRegionChildren, fetchRegionPath, type RegionMatch, searchRegions } from './region-data.ts';

interface RegionOption {
  value: string;
  label: ReactNode;
  isLeaf: boolean;
  children?: RegionOption[];
}

export interface RegionPickerProps {
  /** The selected 6-digit region code. */
  value?: string | null;
  onChange?: (code: string | undefined) => void;
  id?: string;
  placeholder?: string;
  /** Deepest level offered: 1 province, 2 prefecture, 3 county. */
  maxLevel?: 1 | 2 | 3;
  includeRetired?: boolean;
  allowClear?: boolean;
  disabled?: boolean;
  status?: 'error' | 'warning' | '';
  style?: CSSProperties;
  'data-testid'?: string;
}

const rootKey = 'root';

/**
 * Pick a region by browsing the tree (children load on demand) or by typing a name or pinyin
 * initials ("hys" → 湖南省 / 衡阳市). Any level can be chosen; the value is the region's code.
 */
export function RegionPicker({
  value,
  onChange,
  id,
  placeholder,
  maxLevel = 3,
  includeRetired = false,
  allowClear = true,
  disabled,
  status,
  style,
  'data-testid': testId,
}: RegionPickerProps) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [children, setChildren] = useState<Record<string, TRegion[]>>({});
  const [valuePath, setValuePath] = useState<TRegion[]>([]);
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), 250);

  const load = useCallback(
    async (parent: string | null) => {
      const key = parent ?? rootKey;
      const list = await fetchRegionChildren(qc, parent, includeRetired);
      setChildren((prev) => (prev[key] === list ? prev : { ...prev, [key]: list }));
    },
    [qc, includeRetired],
  );

  useEffect(() => {
    load(null).catch(() => undefined);
  }, [load]);

  // Show the current value with its full path, and open the tree at it.
  useEffect(() => {
    let cancelled = false;
    if (!value) {
      setValuePath([]);
      return;
    }
    fetchRegionPath(qc, value)
      .then((path) => {
        if (cancelled) return;
        setValuePath(path);
        for (const ancestor of path.slice(0, -1)) load(ancestor.code).catch(() => undefined);
      })
      .catch(() => setValuePath([]));
    return () => {
      cancelled = true;
    };
  }, [qc, value, load]);

  const searching = query.length > 0;
  const matches = useQuery({
    queryKey: ['regions', 'search-with-paths', query, includeRetired],
    queryFn: () => searchRegions(qc, query, includeRetired),
    enabled: searching,
    placeholderData: keepPreviousData,
  });

  const retiredMark = t('region.picker.retired');
  const toOption = useCallback(
    (region: TRegion, kids: RegionOption[] | undefined): RegionOption => ({
      value: region.code,
      label: region.validTo ? `${region.name}（${retiredMark}）` : region.name,
      isLeaf: region.level >= maxLevel,
      ...(kids ? { children: kids } : {}),
    }),
    [maxLevel, retiredMark],
  );

  const treeOptions = useMemo(() => {
    const build = (key: string): RegionOption[] =>
      (children[key] ?? [])
        .filter((r) => r.level <= maxLevel)
        .map((r) => toOption(r, r.level < maxLevel && children[r.code] ? build(r.code) : undefined));
    return build(rootKey);
  }, [children, maxLevel, toOption]);

  const matchList = useMemo<RegionMatch[]>(() => (searching ? (matches.data ?? []) : []), [searching, matches.data]);
  const matchCodes = useMemo(() => new Set(matchList.map((m) => m.region.code)), [matchList]);
  const searchOptions = useMemo(() => buildSearchTree(matchList, toOption, maxLevel), [matchList, toOption, maxLevel]);

  const filter = useCallback(
    (_input: string, path: RegionOption[]) => {
      const last = path[path.length - 1];
      return last !== undefined && matchCodes.has(last.value);
    },
    [matchCodes],
  );

  const renderMatch = useCallback((_input: string, path: RegionOption[]) => {
    const last = path[path.length - 1];
    return (
      <span>
        {path.map((o, i) => (
          <span key={o.value}>
            {i > 0 ? ' / ' : null}
            {o.label}
          </span>
        ))}
        <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
          {last?.value}
        </Typography.Text>
      </span>
    );
  }, []);

  const cascaderValue = value ? (valuePath.length > 0 ? valuePath.map((r) => r.code) : [value]) : undefined;
  const fetching = searching && (matches.isFetching || query !== search.trim());

  return (
    <Cascader<RegionOption>
      id={id}
      data-testid={testId}
      options={searching ? searchOptions : treeOptions}
      value={cascaderValue}
      onChange={(codes) => {
        setSearch('');
        const code = codes?.[codes.length - 1];
        onChange?.(typeof code === 'string' ? code : undefined);
      }}
      loadData={(selected) => {
        const last = selected[selected.length - 1];
        if (last) load(last.value).catch(() => undefined);
      }}
      changeOnSelect
      expandTrigger="click"
      showSearch={{
        searchValue: search,
        onSearch: setSearch,
        filter,
        render: renderMatch,
        limit: 100,
        matchInputWidth: false,
      }}
      onOpenChange={(open) => {
        if (!open) setSearch('');
      }}
      displayRender={(labels) => (valuePath.length > 0 ? valuePath.map((r) => r.name).join(' / ') : labels.join(' / '))}
      notFoundContent={
        fetching ? (
          <Spin size="small" description={t('region.picker.searching')} />
        ) : (
          <Typography.Text type="secondary">{t('region.picker.noMatch')}</Typography.Text>
        )
      }
      placeholder={placeholder ?? t('region.picker.placeholder')}
      allowClear={allowClear}
      disabled={disabled}
      status={status}
      style={{ minWidth: 240, ...style }}
    />
  );
}

/** A tree holding just the matches and their ancestors, so the Cascader can show each match's path. */
function buildSearchTree(
  matches: readonly RegionMatch[],
  toOption: (r: TRegion, kids: RegionOption[] | undefined) => RegionOption,
  maxLevel: number,
): RegionOption[] {
  const roots: RegionOption[] = [];
  const byCode = new Map<string, RegionOption>();
  for (const { path } of matches) {
    let siblings = roots;
    for (const region of path) {
      if (region.level > maxLevel) break;
      let node = byCode.get(region.code);
      if (!node) {
        // isLeaf: a search result is picked, never expanded (no arrow in the flat result list).
        node = { ...toOption(region, undefined), isLeaf: true, children: [] };
        byCode.set(region.code, node);
        siblings.push(node);
      }
      siblings = node.children ?? [];
    }
  }
  return roots;
}
