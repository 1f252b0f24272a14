import { AppError, type TListing, type TListingInput } from '@kechuang/contracts';
import { type DB, sql, type Transaction } from '@kechuang/db';
import { withAudit } from '../../audit/with-audit.ts';
import type { Ctx } from '../../context.ts';
import { type Page, pagedList } from '../../paged-list.ts';
import { inRegionScope, isRegionWide, requireActor } from '../../policy.ts';
import { containsPattern } from '../../query.ts';
import { canEditOwned, canReadOwned, requireBureauOf } from './market.policy.ts';
import { type OwnedKind, scopeOwnedList, setVersioned, statusStep } from './owned-entry.ts';
import { type Db, resolveOwner } from './owners.ts';
import { entryTerms, initialsOf } from './text.ts';

export function selectListings(db: Db) {
  return db
    .selectFrom('tm_listing as l')
    .innerJoin('organization as o', 'o.id', 'l.owner_org_id')
    .leftJoin('app_user as u', 'u.id', 'l.created_by')
    .select([
      'l.id',
      'l.kind',
      'l.owner_org_id',
      'l.region_code',
      'l.title',
      'l.description',
      'l.field_code',
      'l.keywords',
      'l.achievement_id',
      'l.amount_fen',
      'l.trl',
      'l.contact',
      'l.valid_until',
      'l.status',
      'l.published_at',
      'l.note',
      'l.version',
      'l.terms',
      'o.name as owner_name',
      'o.kind as owner_kind',
      'u.org_id as creator_org_id',
    ]);
}
export type ListingRow = Awaited<ReturnType<ReturnType<typeof selectListings>['executeTakeFirstOrThrow']>>;

export const toListing = (r: ListingRow): TListing => ({
  id: r.id,
  kind: r.kind as TListing['kind'],
  ownerOrgId: r.owner_org_id,
  ownerOrgName: r.owner_name,
  ownerKind: r.owner_kind,
  regionCode: r.region_code,
  title: r.title,
  description: r.description,
  fieldCode: r.field_code as TListing['fieldCode'],
  keywords: r.keywords,
  achievementId: r.achievement_id,
  amountFen: r.amount_fen === null ? null : Number(r.amount_fen),
  trl: r.trl,
  contact: r.contact,
  validUntil: r.valid_until,
  status: r.status as TListing['status'],
  publishedAt: r.published_at ? r.published_at.toISOString() : null,
  note: r.note,
  version: r.version,
});

export async function loadListing(db: Db, id: number) {
  const r = await selectListings(db).where('l.id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('market/listing_not_found', { id });
  return {
    l: toListing(r),
    row: r,
    owned: { ownerOrgId: r.owner_org_id, regionCode: r.region_code, status: r.status, creatorOrgId: r.creator_org_id },
  };
}

/** The matching index reloads when the published set changes. */
export async function bumpGeneration(tx: Transaction<DB>): Promise<void> {
  await sql`update tm_listing_generation set gen = gen + 1 where id = 1`.execute(tx);
}

/** A 成果清单 entry offering a registered achievement must offer the owner's own, registered one. */
async function checkAchievement(db: Db, input: TListingInput, ownerOrgId: number) {
  if (input.achievementId === null) return;
  const a = await db
    .selectFrom('tm_achievement')
    .select(['owner_org_id', 'status'])
    .where('id', '=', input.achievementId)
    .executeTakeFirst();
  if (!a || a.owner_org_id !== ownerOrgId) throw new AppError('market/achievement_not_found', { id: input.achievementId });
  if (a.status !== 'registered' || input.kind !== 'achievement') throw new AppError('market/achievement_not_registered');
}

const values = (i: TListingInput, regionCode: string) => ({
  kind: i.kind,
  region_code: regionCode,
  title: i.title,
  description: i.description,
  field_code: i.fieldCode,
  keywords: i.keywords,
  achievement_id: i.achievementId,
  amount_fen: i.amountFen === null ? null : BigInt(i.amountFen),
  trl: i.trl,
  contact: i.contact,
  valid_until: i.validUntil,
  terms: entryTerms({ title: i.title, keywords: i.keywords, body: i.description }),
  initials: initialsOf(i.title),
});

/** The entry's region: the one given (within the bureau's scope when the bureau enters it), else the owner's. */
function regionFor(ctx: Ctx, input: TListingInput, ownerRegion: string): string {
  const region = input.regionCode ?? ownerRegion;
  const actor = requireActor(ctx);
  if (region !== ownerRegion && !(isRegionWide(actor) && inRegionScope(actor, region)) && !region.startsWith(ownerRegion.slice(0, 4)))
    throw new AppError('auth/out_of_scope', { regionCode: region });
  return region;
}

export async function createListing(ctx: Ctx, input: TListingInput): Promise<TListing> {
  const actor = requireActor(ctx);
  return withAudit(ctx, async (tx, record) => {
    const owner = await resolveOwner(ctx, tx, input.ownerOrgId);
    await checkAchievement(tx, input, owner.orgId);
    const row = await tx
      .insertInto('tm_listing')
      .values({
        ...values(input, regionFor(ctx, input, owner.regionCode)),
        owner_org_id: owner.orgId,
        status: 'draft',
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { l } = await loadListing(tx, row.id);
    record({ action: 'market.listing.create', entityType: 'tm_listing', entityId: l.id, regionCode: l.regionCode, after: l });
    return l;
  });
}

export async function updateListing(ctx: Ctx, id: number, input: TListingInput & { version: number }): Promise<TListing> {
  const actor = requireActor(ctx);
  return withAudit(ctx, async (tx, record) => {
    const before = await loadListing(tx, id);
    if (!canEditOwned(actor, before.owned)) throw new AppError('auth/out_of_scope', { id });
    if (!['draft', 'returned'].includes(before.l.status)) throw new AppError('market/wrong_status', { status: before.l.status });
    await checkAchievement(tx, input, before.l.ownerOrgId);
    const ownerRegion = (
      await tx.selectFrom('organization').select('region_code').where('id', '=', before.l.ownerOrgId).executeTakeFirstOrThrow()
    ).region_code;
    await setVersioned(ctx, tx, 'tm_listing', id, input.version, values(input, regionFor(ctx, input, ownerRegion)));
    const { l } = await loadListing(tx, id);
    record({
      action: 'market.listing.update',
      entityType: 'tm_listing',
      entityId: id,
      regionCode: l.regionCode,
      before: before.l,
      after: l,
    });
    return l;
  });
}

type Owned = Awaited<ReturnType<typeof loadListing>>['owned'];

/** 清单条目: the matching index reloads when an entry enters or leaves the published set. */
const listingKind: OwnedKind<TListing, Owned> = {
  table: 'tm_listing',
  load: async (db, id) => {
    const { l, owned } = await loadListing(db, id);
    return { item: l, owned };
  },
  settle: async (tx, before, l) => {
    if (before.status === 'published' || l.status === 'published') await bumpGeneration(tx);
  },
};

const step = (
  ctx: Ctx,
  id: number,
  version: number,
  from: string[],
  action: string,
  may: (o: Owned) => void,
  change: (today: string) => Record<string, unknown>,
): Promise<TListing> => statusStep(ctx, listingKind, { id, version, from, action, may, change: (_l, today) => change(today) });

const ownerMay = (ctx: Ctx, id: number) => (o: Owned) => {
  if (!canEditOwned(requireActor(ctx), o)) throw new AppError('auth/out_of_scope', { id });
};

/** The owner hands the entry to the bureau for review. */
export const submitListing = (ctx: Ctx, id: number, version: number) =>
  step(ctx, id, version, ['draft', 'returned'], 'market.listing.submit', ownerMay(ctx, id), () => ({ status: 'submitted', note: '' }));

/** The bureau of the entry's region publishes it: from now on the public search and matching see it. */
export const publishListing = (ctx: Ctx, id: number, version: number) =>
  step(
    ctx,
    id,
    version,
    ['submitted'],
    'market.listing.publish',
    (o) => requireBureauOf(ctx, o.regionCode),
    (today) => ({ status: 'published', published_at: ctx.now(), published_on: today }),
  );

/** The bureau returns the entry with what to change. */
export const returnListing = (ctx: Ctx, id: number, version: number, note: string) =>
  step(
    ctx,
    id,
    version,
    ['submitted'],
    'market.listing.return',
    (o) => requireBureauOf(ctx, o.regionCode),
    () => ({ status: 'returned', note }),
  );

/** Taken off the lists, by its owner or the bureau (a met need, an expired offer). */
export const withdrawListing = (ctx: Ctx, id: number, version: number) =>
  step(
    ctx,
    id,
    version,
    ['submitted', 'published'],
    'market.listing.withdraw',
    (o) => {
      const actor = requireActor(ctx);
      if (!canEditOwned(actor, o)) requireBureauOf(ctx, o.regionCode);
    },
    () => ({ status: 'withdrawn' }),
  );

export async function getListing(ctx: Ctx, id: number): Promise<TListing> {
  const actor = requireActor(ctx);
  const { l, owned } = await loadListing(ctx.db, id);
  if (l.status !== 'published' && !canReadOwned(actor, owned)) throw new AppError('auth/out_of_scope', { id });
  return l;
}

/** The signed-in lists of entries (scoped as every owned record is); searched by title, filtered by list. */
export async function listListings(
  ctx: Ctx,
  q: {
    page: number;
    pageSize: number;
    kind?: string | undefined;
    status?: string | undefined;
    field?: string | undefined;
    region?: string | undefined;
    q?: string | undefined;
  },
): Promise<Page<TListing>> {
  let query = scopeOwnedList(ctx, selectListings(ctx.db), 'l', q.region);
  if (q.kind) query = query.where('l.kind', '=', q.kind);
  if (q.status) query = query.where('l.status', '=', q.status);
  if (q.field) query = query.where('l.field_code', '=', q.field);
  if (q.q) query = query.where('l.title', 'like', containsPattern(q.q));
  return pagedList(query.orderBy('l.id', 'desc'), q, toListing);
}
