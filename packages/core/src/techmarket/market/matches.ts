import { AppError, type TMarketMatches, type TMarketMatchReason } from '@kechuang/contracts';
import { sql } from '@kechuang/db';
import { bureauDate } from '../../bureau-date.ts';
import type { Ctx } from '../../context.ts';
import { requireActor } from '../../policy.ts';
import { loadListing, selectListings } from './listings.ts';
import { canReadOwned } from './market.policy.ts';
import type { Db } from './owners.ts';
import { toPublic } from './public-search.ts';
import { chosenOptions, methodName, type Ranked, RankIndex } from './rank.ts';
import { termsOf } from './text.ts';

const demandKinds = ['demand', 'common_demand', 'financing'];
const supplyKinds = ['achievement'];

interface Side {
  index: RankIndex;
  validUntil: Map<number, string | null>;
}

/*
 * The published entries of each side, indexed in this process and rebuilt when the published set changes
 * (tm_listing_generation is bumped in the transaction that publishes or withdraws an entry). One small
 * read per request tells whether the index is current, on PGlite and on PostgreSQL alike.
 */
const indexes = new WeakMap<object, { gen: string; sides: Map<string, Side> }>();

/** One read tells whether the entries' index and the expert pool's are current. */
async function freshness(db: Db): Promise<{ gen: string; experts: string }> {
  const { rows } = await sql<{ gen: string; experts: string }>`
    select (select gen from tm_listing_generation where id = 1)::text as gen,
      (select count(*) || ':' || coalesce(max(updated_at)::text, '') from expert) as experts`.execute(db);
  return rows[0] as { gen: string; experts: string };
}

export async function sideIndex(db: Db, side: 'supply' | 'demand', known?: string): Promise<Side> {
  const gen = known ?? (await freshness(db)).gen;
  let entry = indexes.get(db);
  if (!entry || entry.gen !== String(gen)) {
    entry = { gen: String(gen), sides: new Map() };
    indexes.set(db, entry);
  }
  let s = entry.sides.get(side);
  if (!s) {
    const rows = await db
      .selectFrom('tm_listing')
      .select(['id', 'terms', 'field_code', 'region_code', 'valid_until'])
      .where('status', '=', 'published')
      .where('kind', 'in', side === 'supply' ? supplyKinds : ['demand', 'common_demand'])
      .execute();
    s = {
      index: new RankIndex(rows.map((r) => ({ id: r.id, terms: r.terms, fieldCode: r.field_code, regionCode: r.region_code }))),
      validUntil: new Map(rows.map((r) => [r.id, r.valid_until])),
    };
    entry.sides.set(side, s);
  }
  return s;
}

const reasonOf = (r: Ranked, fieldCode: string | null): TMarketMatchReason => ({
  sharedTerms: [...new Set(r.sharedTerms)].slice(0, 8),
  sameField: r.sameField,
  fieldCode: r.sameField ? (fieldCode as TMarketMatchReason['fieldCode']) : null,
  region: r.region,
});

/**
 * For a demand, the published achievements that answer it best, and experts of the pool; for an achievement,
 * the published demands it may meet. Ranked by BM25 over jieba terms × 技术领域 × nearness of region — the
 * method the labelled-set benchmark chose (bench/techmarket.ts) — each with the reason: shared key terms,
 * same field, how near.
 */
export async function matchListing(ctx: Ctx, id: number, limit: number): Promise<TMarketMatches> {
  const actor = requireActor(ctx);
  const { l, row, owned } = await loadListing(ctx.db, id);
  if (!canReadOwned(actor, owned)) throw new AppError('auth/out_of_scope', { id });
  const toSupply = demandKinds.includes(l.kind);
  const fresh = await freshness(ctx.db);
  const side = await sideIndex(ctx.db, toSupply ? 'supply' : 'demand', fresh.gen);
  const today = bureauDate(ctx.now());
  const ranked = side.index
    .bm25({ terms: row.terms, fieldCode: l.fieldCode, regionCode: l.regionCode }, limit + 20, chosenOptions)
    .filter((r) => r.id !== id && ((side.validUntil.get(r.id) ?? null) === null || (side.validUntil.get(r.id) as string) >= today))
    .slice(0, limit);
  const rows =
    ranked.length === 0
      ? []
      : await selectListings(ctx.db)
          .where(
            'l.id',
            'in',
            ranked.map((r) => r.id),
          )
          .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const listings = ranked.flatMap((r) => {
    const found = byId.get(r.id);
    return found ? [{ listing: toPublic(found), score: Number(r.score.toFixed(4)), reason: reasonOf(r, l.fieldCode) }] : [];
  });
  return {
    listingId: id,
    direction: toSupply ? 'demand_to_supply' : 'supply_to_demand',
    method: methodName,
    listings,
    experts: toSupply ? await matchExperts(ctx.db, fresh.experts, row.terms, l.regionCode, limit) : [],
  };
}

/**
 * Experts of the pool (评审专家库, table `expert`) whose specialty speaks of the
 * demand: active experts only, ranked the same way (no 技术领域 on an expert: disciplines use another code).
 */
async function matchExperts(
  db: Db,
  signature: string,
  terms: readonly string[],
  regionCode: string,
  limit: number,
): Promise<TMarketMatches['experts']> {
  const pool = await expertPool(db, signature);
  if (pool.byId.size === 0) return [];
  return pool.index.bm25({ terms, fieldCode: null, regionCode }, limit, chosenOptions).map((r) => {
    const e = pool.byId.get(r.id) as ExpertRow;
    return {
      expertId: e.id,
      name: e.name,
      title: e.title,
      employer: e.employer,
      regionCode: e.region_code,
      score: Number(r.score.toFixed(4)),
      reason: reasonOf(r, null),
    };
  });
}

interface ExpertRow {
  id: number;
  region_code: string;
  specialty: string;
  title: string | null;
  name: string;
  employer: string | null;
}
const expertPools = new WeakMap<object, { signature: string; index: RankIndex; byId: Map<number, ExpertRow> }>();

/** The active experts' specialties (评审专家库), indexed once per change of the pool (count and latest update). */
async function expertPool(db: Db, signature: string) {
  const cached = expertPools.get(db);
  if (cached?.signature === signature) return cached;
  const { rows } = await sql<ExpertRow>`
    select e.id, e.region_code, e.specialty, e.title, p.name, coalesce(o.name, p.employer_name) as employer
    from expert e join person p on p.id = e.person_id left join organization o on o.id = p.employer_org_id
    where e.status = 'active' and e.specialty <> ''`.execute(db);
  const pool = {
    signature,
    index: new RankIndex(rows.map((r) => ({ id: r.id, terms: termsOf(r.specialty), fieldCode: '', regionCode: r.region_code }))),
    byId: new Map(rows.map((r) => [r.id, r])),
  };
  expertPools.set(db, pool);
  return pool;
}
