import { techFieldCodes } from '@kechuang/contracts';
import { App, Button, Flex, Input, Popconfirm, Select, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListPaging } from '../../components/ListCard.tsx';
import { useErrorText } from '../../lib/error-text.ts';
import { intParam, useSearchState } from '../../lib/use-search-state.ts';
import { useCurrentUser } from '../auth/auth-api.ts';
import type { MarketRoles } from './roles.ts';
import { useTechmarketMutation } from './techmarket-api.ts';

/*
 * What the market's lists (科技成果, 清单条目, the registrar's queues) and their drawers share: filters and page
 * in the URL, the search box, the owner-edits / bureau-reviews drawer logic and the bureau's review block.
 */

/** The list's filters and page, kept in the URL. */
export function useListSearch() {
  const [search, setSearch] = useSearchState();
  const paging = { page: intParam(search.page, 1), pageSize: intParam(search.pageSize, 20) };
  const onPaging = (p: ListPaging) => setSearch({ page: String(p.page), pageSize: String(p.pageSize) });
  return { search, setSearch, paging, onPaging };
}

/** The text search of a list: typed freely, applied on enter (`q` in the URL). */
export function SearchBox(props: { q: string | undefined; onSearch: (q: string | undefined) => void; placeholder: string; width: number }) {
  const [q, setQ] = useState(props.q ?? '');
  return (
    <Input.Search
      value={q}
      onChange={(e) => setQ(e.target.value)}
      onSearch={(v) => props.onSearch(v.trim() || undefined)}
      placeholder={props.placeholder}
      allowClear
      style={{ width: props.width }}
    />
  );
}

/** A clearable filter over a closed list of codes. */
export function CodeFilter<C extends string>(props: {
  value: C | undefined;
  codes: readonly C[];
  label: (code: C) => string;
  placeholder: string;
  width: number;
  onChange: (value: C | undefined) => void;
}) {
  return (
    <Select
      value={props.value}
      onChange={props.onChange}
      allowClear
      placeholder={props.placeholder}
      style={{ width: props.width }}
      options={props.codes.map((c) => ({ value: c, label: props.label(c) }))}
    />
  );
}

type TechFieldCode = (typeof techFieldCodes)[number];

/** The 技术领域 filter. */
export function FieldFilter(props: {
  value: TechFieldCode | undefined;
  width: number;
  onChange: (value: TechFieldCode | undefined) => void;
}) {
  const { t } = useTranslation();
  return (
    <CodeFilter
      value={props.value}
      codes={techFieldCodes}
      label={(f) => t(`techmarket.fieldCodes.${f}`)}
      placeholder={t('techmarket.achievement.field')}
      width={props.width}
      onChange={props.onChange}
    />
  );
}

/** The title column of an owned record: the title opens it, the owner's name below. */
export function OwnedTitle(props: { title: string; ownerName: string; onOpen: () => void; testId: string; before?: ReactNode }) {
  return (
    <div>
      {props.before}
      <Typography.Link strong onClick={props.onOpen} data-testid={props.testId}>
        {props.title}
      </Typography.Link>
      <div>
        <Typography.Text type="secondary">{props.ownerName}</Typography.Text>
      </div>
    </div>
  );
}

/**
 * The drawer of an owned record: the owner's users edit it; the bureau edits what it entered for a unit (a draft
 * it can see is one it entered); only drafts and returned ones are edited. Steps close the drawer or show the error;
 * a save also says it saved.
 */
export function useOwnedDrawer<E extends { ownerOrgId: number; status: string }>(item: E | null, roles: MarketRoles, onClose: () => void) {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const mine = item === null || item.ownerOrgId === user.orgId || (roles.manager && item.status === 'draft');
  const editable = mine && (item === null || item.status === 'draft' || item.status === 'returned');
  const done = { onSuccess: () => onClose(), onError: (e: unknown) => message.error(errorText(e)) };
  const saved = {
    ...done,
    onSuccess: () => {
      message.success(t('common.saved'));
      onClose();
    },
  };
  const step = useTechmarketMutation((f: () => Promise<E>) => f());
  return { mine, editable, done, saved, step };
}

/**
 * The bureau's review of a submitted record: the step that accepts it (登记 / 发布), or a return with a note of
 * what to change.
 */
export function BureauReview(props: {
  testId: string;
  accept: { confirm: string; label: string; testId: string; run: () => void };
  onReturn: (note: string) => void;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  return (
    <Flex gap={8} vertical style={{ marginTop: 16 }} data-testid={props.testId}>
      <Popconfirm title={props.accept.confirm} onConfirm={props.accept.run}>
        <Button type="primary" loading={props.pending} data-testid={props.accept.testId} style={{ alignSelf: 'flex-start' }}>
          {props.accept.label}
        </Button>
      </Popconfirm>
      <Input.TextArea
        rows={2}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder={t('techmarket.achievement.returnHint')}
      />
      <Popconfirm title={t('techmarket.achievement.returnConfirm')} onConfirm={() => props.onReturn(note.trim())}>
        <Button danger disabled={note.trim().length < 2} loading={props.pending} style={{ alignSelf: 'flex-start' }}>
          {t('techmarket.achievement.return')}
        </Button>
      </Popconfirm>
    </Flex>
  );
}
