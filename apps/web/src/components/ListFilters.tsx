import { Input, InputNumber, Select } from 'antd';
import type { ReactNode } from 'react';
import type { SearchState } from '../lib/use-search-state.ts';
import { FilterBar } from './ListCard.tsx';
import { RegionPicker } from './RegionPicker.tsx';

/**
 * One filter of a list, declared rather than written out: which URL parameter it sets and how it is asked.
 * Every change goes through `onChange({ [key]: value })`, so (with useSearchState) it starts the list again
 * from its first page.
 */
export type ListFilter =
  /** free text, applied on enter (trimmed; empty clears it) */
  | { kind: 'text'; key: string; placeholder: string; width: number }
  /** a choice from a closed list; numbers are kept in the URL as their digits */
  | { kind: 'select'; key: string; placeholder: string; width: number; options: { value: string | number; label: string }[] }
  /** a year: `value` is the year in force (the list's default when the URL has none), never cleared */
  | { kind: 'year'; key: string; value: number; prefix: string }
  /** a year or none */
  | { kind: 'optionalYear'; key: string; placeholder: string }
  /** a region at any level of the division tree */
  | { kind: 'region'; key: string; placeholder: string; width: number };

const yearBounds = { min: 2000, max: 2100 };

/** The filter bar of a list from its declared filters (in order), then anything else it needs after them. */
export function ListFilters({
  filters,
  search,
  onChange,
  children,
}: {
  filters: ListFilter[];
  search: SearchState;
  onChange: (patch: SearchState) => void;
  children?: ReactNode;
}) {
  return (
    <FilterBar>
      {filters.map((f) => (
        <FilterField key={f.key} filter={f} search={search} onChange={onChange} />
      ))}
      {children}
    </FilterBar>
  );
}

function FilterField({ filter: f, search, onChange }: { filter: ListFilter; search: SearchState; onChange: (patch: SearchState) => void }) {
  const set = (value: string | undefined) => onChange({ [f.key]: value });
  const current = search[f.key];
  switch (f.kind) {
    case 'text':
      return (
        <Input.Search
          allowClear
          style={{ width: f.width }}
          placeholder={f.placeholder}
          defaultValue={current}
          onSearch={(v) => set(v.trim() || undefined)}
        />
      );
    case 'select': {
      // the option's own value (a number stays a number), so the chosen label shows
      const value = current === undefined ? undefined : (f.options.find((o) => String(o.value) === current)?.value ?? current);
      return (
        <Select
          allowClear
          style={{ width: f.width }}
          placeholder={f.placeholder}
          value={value}
          onChange={(v: string | number | undefined) => set(v === undefined || v === null ? undefined : String(v))}
          options={f.options}
        />
      );
    }
    case 'year':
      return <InputNumber value={f.value} {...yearBounds} prefix={f.prefix} onChange={(v) => v && set(String(v))} />;
    case 'optionalYear':
      return (
        <InputNumber
          placeholder={f.placeholder}
          {...yearBounds}
          value={current ? Number(current) : null}
          onChange={(v) => set(v ? String(v) : undefined)}
        />
      );
    case 'region':
      return <RegionPicker value={current ?? null} onChange={set} style={{ width: f.width }} placeholder={f.placeholder} />;
  }
}
