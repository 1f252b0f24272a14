import {
  AppError,
  type TCommissioner,
  type TCommissionerCounts,
  type TCommissionerInput,
  type TCommissionerQuery,
} from '@kechuang/contracts';
import { sql } from '@kechuang/db';
import { withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { requireActor } from '../policy.ts';
import { containsPattern, subtreePattern } from '../query.ts';
import { accountByUsername, teamInScope } from './dispatch.ts';
import { requireTalentReader, requireTalentWriter } from './talent.policy.ts';
import { commissionerQuery, loadCommissioner, toCommissioners } from './talent.repository.ts';
import { refreshTalentIndicators } from './talent-indicators.ts';
import { checkTargetPlace } from './targets.ts';

/*
 * 科技特派员: a talent of the registry selected for a year and dispatched to a county, optionally in a 专家服务团,
 * with the account they log services from; their 服务对象 (villages, co-operatives, enterprises with region
 * codes); the yearly assessment (优秀/合格/基本合格/不合格); and the counts per region — 人数, 服务次数 (confirmed or
 * not), 覆盖村数 (distinct villages served) — of which 人数 feeds st_commissioner_count.
 */

export async function createTeam(ctx: Ctx, input: { name: string; year: number; regionCode: string }) {
  requireTalentWriter(ctx, input.regionCode);
  return withAudit(ctx, async (tx, record) => {
    const row = await tx
      .insertInto('commissioner_team')
      .values({ name: input.name, year: input.year, region_code: input.regionCode })
      .returning('id')
      .executeTakeFirstOrThrow();
    record({ action: 'talent.team.create', entityType: 'commissioner_team', entityId: row.id, regionCode: input.regionCode, after: input });
    return { id: row.id, ...input, members: 0 };
  });
}

export async function listTeams(ctx: Ctx, q: { region?: string; year?: number }) {
  const actor = requireActor(ctx);
  const region = q.region ?? actor.regionCode;
  requireTalentReader(ctx, region);
  let query = ctx.db
    .selectFrom('commissioner_team as m')
    .leftJoin('commissioner as c', 'c.team_id', 'm.id')
    .select((eb) => ['m.id', 'm.name', 'm.year', 'm.region_code', eb.fn.count<string>('c.id').as('members')])
    .where('m.region_code', 'like', subtreePattern(region))
    .groupBy(['m.id', 'm.name', 'm.year', 'm.region_code']);
  if (q.year) query = query.where('m.year', '=', q.year);
  return (await query.orderBy('m.id').execute()).map((m) => ({
    id: m.id,
    name: m.name,
    year: m.year,
    regionCode: m.region_code,
    members: Number(m.members),
  }));
}

export async function createCommissioner(ctx: Ctx, body: TCommissionerInput): Promise<TCommissioner> {
  const actor = requireTalentWriter(ctx, body.regionCode);
  const talent = await ctx.db.selectFrom('talent').select('id').where('id', '=', body.talentId).executeTakeFirst();
  if (!talent) throw new AppError('talent/not_found', { id: body.talentId });
  if (body.teamId !== null) await teamInScope(ctx.db, actor, body.teamId);
  const { username, ...rest } = body;
  const input = { ...rest, userId: username ? await accountByUsername(ctx.db, actor, username) : body.userId };
  return withAudit(ctx, async (tx, record) => {
    const exists = await tx
      .selectFrom('commissioner')
      .select('id')
      .where('talent_id', '=', input.talentId)
      .where('year', '=', input.year)
      .executeTakeFirst();
    if (exists) throw new AppError('talent/commissioner_exists', { id: exists.id });
    const row = await tx
      .insertInto('commissioner')
      .values({ talent_id: input.talentId, year: input.year, region_code: input.regionCode, user_id: input.userId, team_id: input.teamId })
      .returning('id')
      .executeTakeFirstOrThrow();
    record({
      action: 'talent.commissioner.create',
      entityType: 'commissioner',
      entityId: row.id,
      regionCode: input.regionCode,
      after: input,
    });
    await refreshTalentIndicators(tx, input.regionCode, input.year, { userId: actor.userId, via: actor.username, now: ctx.now() });
    return (await toCommissioners(tx, [await loadCommissioner(tx, row.id)]))[0] as TCommissioner;
  });
}

export async function listCommissioners(ctx: Ctx, q: TCommissionerQuery) {
  const actor = requireActor(ctx);
  const region = q.region ?? actor.regionCode;
  requireTalentReader(ctx, region);
  let query = commissionerQuery(ctx.db).where('c.region_code', 'like', subtreePattern(region));
  if (q.year) query = query.where('c.year', '=', q.year);
  if (q.q) query = query.where('p.name', 'like', containsPattern(q.q));
  if (q.teamId) query = query.where('c.team_id', '=', q.teamId);
  if (q.grade === 'none') query = query.where('c.grade', 'is', null);
  else if (q.grade) query = query.where('c.grade', '=', q.grade);
  const total = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy('c.id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { items: await toCommissioners(ctx.db, rows), total: Number(total.n), page: q.page, pageSize: q.pageSize };
}

/** A 服务对象 is added by the bureau, or by the 特派员 themself. */
export async function addTarget(
  ctx: Ctx,
  id: number,
  input: { kind: string; name: string; regionCode: string; villageCode: string | null },
): Promise<TCommissioner> {
  const actor = requireActor(ctx);
  const c = await loadCommissioner(ctx.db, id);
  if (c.user_id !== actor.userId) requireTalentWriter(ctx, c.region_code);
  checkTargetPlace(c.region_code, input);
  return withAudit(ctx, async (tx, record) => {
    const row = await tx
      .insertInto('service_target')
      .values({ commissioner_id: id, kind: input.kind, name: input.name, region_code: input.regionCode, village_code: input.villageCode })
      .returning('id')
      .executeTakeFirstOrThrow();
    record({ action: 'talent.target.create', entityType: 'service_target', entityId: row.id, regionCode: c.region_code, after: input });
    return (await toCommissioners(tx, [await loadCommissioner(tx, id)]))[0] as TCommissioner;
  });
}

export async function assessCommissioner(
  ctx: Ctx,
  id: number,
  input: { version: number; grade: string; note: string },
): Promise<TCommissioner> {
  const c = await loadCommissioner(ctx.db, id);
  requireTalentWriter(ctx, c.region_code);
  return withAudit(ctx, async (tx, record) => {
    const row = await tx.selectFrom('commissioner').select(['version', 'grade']).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (row.version !== input.version) throw new AppError('talent/stale');
    await tx
      .updateTable('commissioner')
      .set({ grade: input.grade, assessment_note: input.note, version: row.version + 1 })
      .where('id', '=', id)
      .execute();
    record({
      action: 'talent.commissioner.assess',
      entityType: 'commissioner',
      entityId: id,
      regionCode: c.region_code,
      before: { grade: row.grade },
      after: { grade: input.grade, note: input.note },
    });
    return (await toCommissioners(tx, [await loadCommissioner(tx, id)]))[0] as TCommissioner;
  });
}

/**
 * 人数, 服务次数 and 覆盖村数 of a year for each child region of `region` (and the region itself as the total).
 * One grouped query over the commissioner, target and log tables.
 */
export async function commissionerCounts(ctx: Ctx, q: { region?: string; year: number }): Promise<TCommissionerCounts> {
  const actor = requireActor(ctx);
  const region = q.region ?? actor.regionCode;
  requireTalentReader(ctx, region);
  return { year: q.year, rows: await countsByRegion(ctx.db, region, q.year) };
}

export async function countsByRegion(db: Ctx['db'], region: string, year: number) {
  const pattern = subtreePattern(region);
  // the per-commissioner log counter and the per-target served counter are kept by logService in the log's
  // transaction (a 特派员's logs all fall in their year), so this reads the commissioners and targets only
  const r = await sql<{ region_code: string; people: string; services: string; villages: string }>`
    with c as (select id, region_code, log_count from commissioner where year = ${year}::int and region_code like ${pattern}),
    v as (select c.region_code, count(distinct coalesce(t.village_code, t.name)) as n from service_target t join c on c.id = t.commissioner_id
          where t.kind = 'village' and t.served_logs > 0 group by c.region_code),
    p as (select region_code, count(*) as people, sum(log_count) as services from c group by region_code)
    select p.region_code, p.people, p.services, coalesce(v.n, 0) as villages
    from p left join v on v.region_code = p.region_code order by p.region_code`.execute(db);
  const rows = r.rows.map((x) => ({
    regionCode: x.region_code,
    people: Number(x.people),
    services: Number(x.services),
    villages: Number(x.villages),
  }));
  const total = rows.reduce(
    (a, x) => ({ regionCode: region, people: a.people + x.people, services: a.services + x.services, villages: a.villages + x.villages }),
    {
      regionCode: region,
      people: 0,
      services: 0,
      villages: 0,
    },
  );
  return [total, ...rows.filter((x) => x.regionCode !== region)];
}
