import { AppError, type TAchievement, type TAchievementInput } from '@kechuang/contracts';
import { sql } from '@kechuang/db';
import { withAudit } from '../../audit/with-audit.ts';
import type { Ctx } from '../../context.ts';
import { type Page, pagedList } from '../../paged-list.ts';
import { requireActor } from '../../policy.ts';
import { containsPattern } from '../../query.ts';
import { syncAchievementIndicator } from './achievement-feed.ts';
import { canEditOwned, canReadOwned, requireBureauOf } from './market.policy.ts';
import { type OwnedKind, scopeOwnedList, setVersioned, statusStep } from './owned-entry.ts';
import { type Db, resolveOwner } from './owners.ts';

function selectAchievements(db: Db) {
  return db
    .selectFrom('tm_achievement as a')
    .innerJoin('organization as o', 'o.id', 'a.owner_org_id')
    .leftJoin('project as p', 'p.id', 'a.project_id')
    .leftJoin('app_user as u', 'u.id', 'a.created_by')
    .selectAll('a')
    .select(['o.name as owner_name', 'p.project_no', 'p.title as project_title', 'u.org_id as creator_org_id']);
}
type Row = Awaited<ReturnType<ReturnType<typeof selectAchievements>['executeTakeFirstOrThrow']>>;

const toAchievement = (r: Row): TAchievement => ({
  id: r.id,
  ownerOrgId: r.owner_org_id,
  ownerOrgName: r.owner_name,
  regionCode: r.region_code,
  title: r.title,
  summary: r.summary,
  kind: r.kind as TAchievement['kind'],
  fieldCode: r.field_code as TAchievement['fieldCode'],
  keywords: r.keywords,
  trl: r.trl,
  maturity: r.maturity as TAchievement['maturity'],
  ipKind: r.ip_kind as TAchievement['ipKind'],
  ipNumbers: r.ip_numbers,
  projectId: r.project_id,
  projectNo: r.project_no,
  projectTitle: r.project_title,
  completedOn: r.completed_on,
  status: r.status as TAchievement['status'],
  registrationNo: r.registration_no,
  registeredOn: r.registered_on,
  note: r.note,
  version: r.version,
});

async function load(db: Db, id: number) {
  const r = await selectAchievements(db).where('a.id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('market/achievement_not_found', { id });
  return {
    a: toAchievement(r),
    owned: { ownerOrgId: r.owner_org_id, regionCode: r.region_code, status: r.status, creatorOrgId: r.creator_org_id },
  };
}

/** A linked project must be the owner's own (项目库: the unit that undertook it). */
async function checkProject(db: Db, projectId: number | null, ownerOrgId: number) {
  if (projectId === null) return;
  const p = await db.selectFrom('project').select('org_id').where('id', '=', projectId).executeTakeFirst();
  if (!p || p.org_id !== ownerOrgId) throw new AppError('market/project_not_found', { projectId });
}

const values = (i: TAchievementInput) => ({
  title: i.title,
  summary: i.summary,
  kind: i.kind,
  field_code: i.fieldCode,
  keywords: i.keywords,
  trl: i.trl,
  maturity: i.maturity,
  ip_kind: i.ipKind,
  ip_numbers: i.ipNumbers,
  project_id: i.projectId,
  completed_on: i.completedOn,
});

export async function createAchievement(ctx: Ctx, input: TAchievementInput): Promise<TAchievement> {
  const actor = requireActor(ctx);
  return withAudit(ctx, async (tx, record) => {
    const owner = await resolveOwner(ctx, tx, input.ownerOrgId);
    await checkProject(tx, input.projectId, owner.orgId);
    const row = await tx
      .insertInto('tm_achievement')
      .values({ ...values(input), owner_org_id: owner.orgId, region_code: owner.regionCode, status: 'draft', created_by: actor.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { a } = await load(tx, row.id);
    record({ action: 'market.achievement.create', entityType: 'tm_achievement', entityId: a.id, regionCode: a.regionCode, after: a });
    return a;
  });
}

export async function updateAchievement(ctx: Ctx, id: number, input: TAchievementInput & { version: number }): Promise<TAchievement> {
  const actor = requireActor(ctx);
  return withAudit(ctx, async (tx, record) => {
    const before = await load(tx, id);
    if (!canEditOwned(actor, before.owned)) throw new AppError('auth/out_of_scope', { id });
    if (!['draft', 'returned'].includes(before.a.status)) throw new AppError('market/wrong_status', { status: before.a.status });
    await checkProject(tx, input.projectId, before.a.ownerOrgId);
    await setVersioned(ctx, tx, 'tm_achievement', id, input.version, values(input));
    const { a } = await load(tx, id);
    record({
      action: 'market.achievement.update',
      entityType: 'tm_achievement',
      entityId: id,
      regionCode: a.regionCode,
      before: before.a,
      after: a,
    });
    return a;
  });
}

/** 科技成果: the registered count of the region is fed to its indicator as each is registered. */
const achievementKind = (ctx: Ctx): OwnedKind<TAchievement, Awaited<ReturnType<typeof load>>['owned']> => ({
  table: 'tm_achievement',
  load: async (db, id) => {
    const { a, owned } = await load(db, id);
    return { item: a, owned };
  },
  settle: async (tx, _before, a) => {
    if (a.status === 'registered' && a.registeredOn)
      await syncAchievementIndicator(
        tx,
        { regionCode: a.regionCode, registeredOn: a.registeredOn },
        {
          userId: ctx.actor?.userId ?? null,
          via: ctx.via ?? null,
          now: ctx.now(),
        },
      );
  },
});

/** The owner hands the achievement to the bureau for registration. */
export function submitAchievement(ctx: Ctx, id: number, version: number): Promise<TAchievement> {
  const actor = requireActor(ctx);
  return statusStep(ctx, achievementKind(ctx), {
    id,
    version,
    from: ['draft', 'returned'],
    action: 'market.achievement.submit',
    may: (o) => {
      if (!canEditOwned(actor, o)) throw new AppError('auth/out_of_scope', { id });
    },
    change: () => ({ status: 'submitted', note: '' }),
  });
}

/** 科技成果登记: the bureau of the owner's region registers it and gives it a number; the count moves. */
export function registerAchievement(ctx: Ctx, id: number, version: number): Promise<TAchievement> {
  return statusStep(ctx, achievementKind(ctx), {
    id,
    version,
    from: ['submitted'],
    action: 'market.achievement.register',
    may: (o) => requireBureauOf(ctx, o.regionCode),
    change: async (a, today, tx) => {
      const year = Number(today.slice(0, 4));
      const n = await tx
        .insertInto('tm_achievement_counter')
        .values({ region_code: a.regionCode, year, last: 1 })
        .onConflict((oc) => oc.columns(['region_code', 'year']).doUpdateSet({ last: sql`tm_achievement_counter.last + 1` }))
        .returning('last')
        .executeTakeFirstOrThrow();
      return { status: 'registered', registered_on: today, registration_no: `${a.regionCode}CG${year}${String(n.last).padStart(5, '0')}` };
    },
  });
}

/** The bureau returns it to the owner with what to change. */
export function returnAchievement(ctx: Ctx, id: number, version: number, note: string): Promise<TAchievement> {
  return statusStep(ctx, achievementKind(ctx), {
    id,
    version,
    from: ['submitted'],
    action: 'market.achievement.return',
    may: (o) => requireBureauOf(ctx, o.regionCode),
    change: () => ({ status: 'returned', note }),
  });
}

export async function getAchievement(ctx: Ctx, id: number): Promise<TAchievement> {
  const actor = requireActor(ctx);
  const { a, owned } = await load(ctx.db, id);
  if (!canReadOwned(actor, owned)) throw new AppError('auth/out_of_scope', { id });
  return a;
}

/** The signed-in list of achievements (scoped as every owned record is); searched by title or 登记号. */
export async function listAchievements(
  ctx: Ctx,
  q: {
    page: number;
    pageSize: number;
    status?: string | undefined;
    field?: string | undefined;
    region?: string | undefined;
    q?: string | undefined;
  },
): Promise<Page<TAchievement>> {
  let query = scopeOwnedList(ctx, selectAchievements(ctx.db), 'a', q.region);
  if (q.status) query = query.where('a.status', '=', q.status);
  if (q.field) query = query.where('a.field_code', '=', q.field);
  if (q.q)
    query = query.where((eb) =>
      eb.or([eb('a.title', 'like', containsPattern(q.q as string)), eb('a.registration_no', '=', q.q as string)]),
    );
  return pagedList(query.orderBy('a.id', 'desc'), q, toAchievement);
}
