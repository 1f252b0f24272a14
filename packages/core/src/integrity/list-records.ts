import {
  AppError,
  type TIntegrityListQuery,
  type TIntegrityPage,
  type TIntegrityRecord,
  type TPublicIntegrityPage,
} from '@kechuang/contracts';
import { sql } from '@kechuang/db';
import { bureauDate } from '../bureau-date.ts';
import type { Ctx } from '../context.ts';
import { containsPattern, pageWindow, subtreePattern } from '../query.ts';
import { reader } from '../reader.ts';
import { assertIntegrityScope, requireIntegrityReader } from './integrity.policy.ts';
import { type Db, findRecord, type RecordRow, recordQuery, recordView } from './integrity.repository.ts';

type Filters = Omit<TIntegrityListQuery, 'page' | 'pageSize'>;

/** The records of a region subtree under the list's filters; 'expired' is a derived status. */
export function filteredRecords(db: Db, regionCode: string, f: Filters, today: string) {
  let q = recordQuery(db).where('r.region_code', 'like', subtreePattern(regionCode));
  if (f.listKind) q = q.where('r.list_kind', '=', f.listKind);
  if (f.subjectKind) q = q.where('r.subject_kind', '=', f.subjectKind);
  const ended = sql<boolean>`(not r.permanent and r.period_end is not null and r.period_end < ${today}::date)`;
  if (f.status === 'expired') q = q.where('r.status', 'in', ['confirmed', 'published']).where(ended);
  else if (f.status === 'confirmed' || f.status === 'published') q = q.where('r.status', '=', f.status).where(sql<boolean>`not ${ended}`);
  else if (f.status) q = q.where('r.status', '=', f.status);
  if (f.q) {
    const like = containsPattern(f.q);
    q = q.where((eb) => eb.or([eb('r.subject_name', 'ilike', like), eb('r.subject_unit', 'ilike', like), eb('r.doc_no', 'ilike', like)]));
  }
  return q;
}

export async function listRecords(ctx: Ctx, input: TIntegrityListQuery): Promise<TIntegrityPage> {
  const actor = requireIntegrityReader(ctx);
  const today = bureauDate(ctx.now());
  const { page, pageSize, ...filters } = input;
  const base = filteredRecords(ctx.db, actor.regionCode, filters, today);
  const { limit, offset } = pageWindow({ page, pageSize });
  const [rows, count] = await Promise.all([
    base.orderBy('r.id', 'desc').limit(limit).offset(offset).execute(),
    base
      .clearSelect()
      .select((e) => e.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((r) => recordView(r as RecordRow, today)), total: Number(count.n), page, pageSize };
}

export async function getRecord(ctx: Ctx, id: number): Promise<TIntegrityRecord> {
  const actor = requireIntegrityReader(ctx);
  const r = await findRecord(ctx.db, id);
  if (!r) throw new AppError('integrity/not_found', { id });
  assertIntegrityScope(actor, r.region_code, id);
  return recordView(r, bureauDate(ctx.now()));
}

/**
 * The public 黑名单 / 红名单: published records whose period has not ended, of every region. Only the name, the
 * unit as the decision states it, the type, measures, period and 文号 — no identity number, no internal id.
 */
export async function listPublicRecords(
  ctx: Pick<Ctx, 'db' | 'now'>,
  input: { listKind: 'black' | 'red'; q?: string | undefined; page: number; pageSize: number },
): Promise<TPublicIntegrityPage> {
  const today = bureauDate(ctx.now());
  let q = reader(ctx)
    .selectFrom('integrity_record as r')
    .where('r.status', '=', 'published')
    .where('r.list_kind', '=', input.listKind)
    .where(sql<boolean>`(r.permanent or r.period_end is null or r.period_end >= ${today}::date)`);
  if (input.q) {
    const like = containsPattern(input.q);
    q = q.where((eb) => eb.or([eb('r.subject_name', 'ilike', like), eb('r.subject_unit', 'ilike', like), eb('r.doc_no', 'ilike', like)]));
  }
  const { limit, offset } = pageWindow(input);
  const [rows, count] = await Promise.all([
    q
      .select([
        'r.id',
        'r.list_kind',
        'r.subject_kind',
        'r.subject_name',
        'r.subject_unit',
        'r.misconduct_type',
        'r.measures',
        'r.ban_scope',
        'r.period_start',
        'r.period_end',
        'r.permanent',
        'r.doc_no',
        'r.issuer',
        'r.decided_on',
        'r.summary',
      ])
      .orderBy('r.published_at', 'desc')
      .orderBy('r.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    q.select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r, i) => ({
      key: `${input.listKind}-${input.page}-${i}`,
      listKind: r.list_kind as 'black' | 'red',
      subjectKind: r.subject_kind,
      name: r.subject_name,
      unit: r.subject_unit,
      misconductType: r.misconduct_type as TPublicIntegrityPage['items'][number]['misconductType'],
      measures: r.measures as TPublicIntegrityPage['items'][number]['measures'],
      banScope: r.ban_scope as TPublicIntegrityPage['items'][number]['banScope'],
      periodStart: r.period_start,
      periodEnd: r.period_end,
      permanent: r.permanent,
      docNo: r.doc_no,
      issuer: r.issuer,
      decidedOn: r.decided_on,
      basis: r.list_kind === 'red' ? r.summary : '',
    })),
    total: Number(count.n),
    page: input.page,
    pageSize: input.pageSize,
  };
}
