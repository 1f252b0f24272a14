import { AppError, type TPublicListing, type TPublicSearchPage } from '@kechuang/contracts';
import { sql } from '@kechuang/db';
import { bureauDate } from '../../bureau-date.ts';
import type { Ctx } from '../../context.ts';
import { containsPattern, subtreePattern } from '../../query.ts';
import { reader } from '../../reader.ts';
import { type ListingRow, selectListings, toListing } from './listings.ts';
import { distinctTerms, termsOf } from './text.ts';

export const toPublic = (r: ListingRow): TPublicListing => {
  const { note: _n, version: _v, status: _s, ...rest } = toListing(r);
  return rest;
};

/**
 * The public search over published entries (no sign-in). A query in Chinese is segmented with jieba and an
 * entry matches when it holds at least half of the query's words (all of them for one or two words), ranked
 * by how many it holds, then newest first; a query in Latin letters also matches the pinyin initials of
 * titles (gpy → 光谱仪…); any query also matches titles containing it as typed. Entries past their
 * 有效期 are left out.
 */
export async function searchPublicListings(
  ctx: Ctx,
  q: {
    page: number;
    pageSize: number;
    q?: string | undefined;
    kind?: string | undefined;
    field?: string | undefined;
    region?: string | undefined;
  },
): Promise<TPublicSearchPage> {
  const text = (q.q ?? '').trim();
  const terms = text ? distinctTerms(termsOf(text)) : [];
  const need = terms.length <= 2 ? terms.length : Math.ceil(terms.length / 2);
  const initials = /^[a-z]{2,}$/i.test(text) ? text.toLowerCase() : null;
  const today = bureauDate(ctx.now());
  const hits = sql<number>`cardinality(array(select unnest(l.terms) intersect select unnest(${terms}::text[])))`;
  let query = selectListings(reader(ctx))
    .where('l.status', '=', 'published')
    .where((eb) => eb.or([eb('l.valid_until', 'is', null), eb('l.valid_until', '>=', today)]));
  if (q.kind) query = query.where('l.kind', '=', q.kind);
  if (q.field) query = query.where('l.field_code', '=', q.field);
  if (q.region) query = query.where('l.region_code', 'like', subtreePattern(q.region));
  if (text) {
    query = query.where((eb) => {
      const ors = [eb('l.title', 'ilike', containsPattern(text))];
      if (terms.length > 0) ors.push(eb.and([eb('l.terms', '&&', sql<string[]>`${terms}::text[]`), eb(hits, '>=', need)]));
      if (initials) ors.push(eb('l.initials', 'like', containsPattern(initials)));
      return eb.or(ors);
    });
  }
  const rows = await query
    .select([sql<string>`count(*) over ()`.as('total'), (terms.length > 0 ? hits : sql<number>`0`).as('hits')])
    .orderBy('hits', 'desc')
    .orderBy('l.published_at', 'desc')
    .orderBy('l.id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  let total = Number(rows[0]?.total ?? 0);
  if (rows.length === 0 && q.page > 1)
    total = Number((await query.clearSelect().select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  const wanted = new Set(terms);
  return {
    items: rows.map((r) => ({ ...toPublic(r), matchedTerms: distinctTerms(r.terms.filter((t) => wanted.has(t))) })),
    total,
    page: q.page,
    pageSize: q.pageSize,
    terms,
  };
}

export async function getPublicListing(ctx: Ctx, id: number): Promise<TPublicListing> {
  const r = await selectListings(reader(ctx)).where('l.id', '=', id).where('l.status', '=', 'published').executeTakeFirst();
  if (!r) throw new AppError('market/listing_not_found', { id });
  return toPublic(r);
}
