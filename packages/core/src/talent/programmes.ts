import { AppError, regionContains, type TTalent, type TTalentProgramme } from '@kechuang/contracts';
import { withAudit } from '../audit/with-audit.ts';
import { bureauDate } from '../bureau-date.ts';
import type { Ctx } from '../context.ts';
import { checkBarred } from '../integrity/index.ts';
import { requireActor } from '../policy.ts';
import { subtreePattern } from '../query.ts';
import { requireTalentReader, requireTalentWriter } from './talent.policy.ts';
import type { Db } from './talent.repository.ts';

/*
 * Talent programmes (人才雁阵, 科技人才领跑行动, 湖湘青年英才 …) with yearly selection rounds. A lean round of its
 * own rather than the projects module's calls: a talent is nominated (not barred by an integrity record from
 * 申报), and the bureau decides the round within its quota; the selected become the programme's members. Expert
 * review of nominees, where a programme has it, runs in the review module.
 */

export async function createTalentProgramme(
  ctx: Ctx,
  input: { name: string; regionCode: string; description: string },
): Promise<TTalentProgramme> {
  requireTalentWriter(ctx, input.regionCode);
  return withAudit(ctx, async (tx, record) => {
    const row = await tx
      .insertInto('talent_programme')
      .values({ name: input.name, region_code: input.regionCode, description: input.description })
      .returning('id')
      .executeTakeFirstOrThrow();
    record({
      action: 'talent.programme.create',
      entityType: 'talent_programme',
      entityId: row.id,
      regionCode: input.regionCode,
      after: input,
    });
    return loadProgramme(tx, row.id);
  });
}

async function loadProgramme(db: Db, id: number): Promise<TTalentProgramme> {
  const g = await db.selectFrom('talent_programme').selectAll().where('id', '=', id).executeTakeFirst();
  if (!g) throw new AppError('talent/programme_not_found', { id });
  const rounds = await db.selectFrom('talent_round').selectAll().where('programme_id', '=', id).orderBy('year', 'desc').execute();
  const nominees = rounds.length
    ? await db
        .selectFrom('talent_nomination as n')
        .innerJoin('talent as t', 't.id', 'n.talent_id')
        .innerJoin('person as p', 'p.id', 't.person_id')
        .leftJoin('organization as o', 'o.id', 't.employer_org_id')
        .select(['n.round_id', 'n.talent_id', 'p.name', 'p.employer_name', 'o.name as org_name', 't.field', 't.level', 'n.selected'])
        .where(
          'n.round_id',
          'in',
          rounds.map((r) => r.id),
        )
        .orderBy('p.name')
        .execute()
    : [];
  return {
    id: g.id,
    name: g.name,
    regionCode: g.region_code,
    description: g.description,
    rounds: rounds.map((r) => ({
      id: r.id,
      year: r.year,
      title: r.title,
      quota: r.quota,
      status: r.status as 'open' | 'decided',
      nominees: nominees
        .filter((n) => n.round_id === r.id)
        .map((n) => ({
          talentId: n.talent_id,
          name: n.name,
          employerName: n.org_name ?? n.employer_name,
          field: n.field,
          level: n.level as TTalent['level'],
          selected: n.selected,
        })),
      version: r.version,
    })),
  };
}

export async function listTalentProgrammes(ctx: Ctx, region?: string): Promise<TTalentProgramme[]> {
  const actor = requireActor(ctx);
  const r = region ?? actor.regionCode;
  requireTalentReader(ctx, r);
  const ids = await ctx.db
    .selectFrom('talent_programme')
    .select('id')
    .where('region_code', 'like', subtreePattern(r))
    .orderBy('id')
    .execute();
  return Promise.all(ids.map((g) => loadProgramme(ctx.db, g.id)));
}

async function programmeRegion(ctx: Ctx, id: number): Promise<string> {
  const g = await ctx.db.selectFrom('talent_programme').select('region_code').where('id', '=', id).executeTakeFirst();
  if (!g) throw new AppError('talent/programme_not_found', { id });
  return g.region_code;
}

async function roundOf(ctx: Ctx, id: number) {
  const r = await ctx.db
    .selectFrom('talent_round as r')
    .innerJoin('talent_programme as g', 'g.id', 'r.programme_id')
    .select(['r.id', 'r.programme_id', 'g.region_code', 'r.status', 'r.quota', 'r.version'])
    .where('r.id', '=', id)
    .executeTakeFirst();
  if (!r) throw new AppError('talent/round_not_found', { id });
  return r;
}

export async function createRound(
  ctx: Ctx,
  programmeId: number,
  input: { year: number; title: string; quota: number },
): Promise<TTalentProgramme> {
  const region = await programmeRegion(ctx, programmeId);
  requireTalentWriter(ctx, region);
  return withAudit(ctx, async (tx, record) => {
    const row = await tx
      .insertInto('talent_round')
      .values({ programme_id: programmeId, ...input, status: 'open' })
      .returning('id')
      .executeTakeFirstOrThrow();
    record({ action: 'talent.round.create', entityType: 'talent_round', entityId: row.id, regionCode: region, after: input });
    return loadProgramme(tx, programmeId);
  });
}

export async function nominate(ctx: Ctx, roundId: number, talentId: number): Promise<TTalentProgramme> {
  const r = await roundOf(ctx, roundId);
  requireTalentWriter(ctx, r.region_code);
  const t = await ctx.db.selectFrom('talent').select(['id', 'person_id', 'region_code']).where('id', '=', talentId).executeTakeFirst();
  if (!t || !regionContains(r.region_code, t.region_code)) throw new AppError('talent/not_found', { talentId });
  const ban = await checkBarred(ctx, { subject: { kind: 'person', id: t.person_id }, activity: 'apply', on: bureauDate(ctx.now()) });
  if (ban.barred) throw new AppError('talent/barred', { reason: ban.reason }, ban.reason);
  return withAudit(ctx, async (tx, record) => {
    const round = await tx.selectFrom('talent_round').select('status').where('id', '=', roundId).forUpdate().executeTakeFirstOrThrow();
    if (round.status !== 'open') throw new AppError('talent/round_decided');
    await tx
      .insertInto('talent_nomination')
      .values({ round_id: roundId, talent_id: talentId, selected: null })
      .onConflict((oc) => oc.doNothing())
      .execute();
    record({
      action: 'talent.round.nominate',
      entityType: 'talent_round',
      entityId: roundId,
      regionCode: r.region_code,
      after: { talentId },
    });
    return loadProgramme(tx, r.programme_id);
  });
}

export async function decideRound(ctx: Ctx, roundId: number, input: { version: number; selected: number[] }): Promise<TTalentProgramme> {
  const r = await roundOf(ctx, roundId);
  requireTalentWriter(ctx, r.region_code);
  const selected = [...new Set(input.selected)];
  return withAudit(ctx, async (tx, record) => {
    const round = await tx
      .selectFrom('talent_round')
      .select(['status', 'quota', 'version'])
      .where('id', '=', roundId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (round.version !== input.version) throw new AppError('talent/stale');
    if (round.status !== 'open') throw new AppError('talent/round_decided');
    if (selected.length > round.quota) throw new AppError('talent/over_quota', { quota: round.quota });
    const nominees = (await tx.selectFrom('talent_nomination').select('talent_id').where('round_id', '=', roundId).execute()).map(
      (n) => n.talent_id,
    );
    if (selected.some((id) => !nominees.includes(id))) throw new AppError('talent/not_nominated');
    for (const id of nominees) {
      await tx
        .updateTable('talent_nomination')
        .set({ selected: selected.includes(id) })
        .where('round_id', '=', roundId)
        .where('talent_id', '=', id)
        .execute();
    }
    await tx
      .updateTable('talent_round')
      .set({ status: 'decided', version: round.version + 1 })
      .where('id', '=', roundId)
      .execute();
    record({
      action: 'talent.round.decide',
      entityType: 'talent_round',
      entityId: roundId,
      regionCode: r.region_code,
      after: { selected },
    });
    return loadProgramme(tx, r.programme_id);
  });
}

/** 撤回推荐: a nominee leaves an open round (the round's list before it is decided). */
export async function withdrawNomination(ctx: Ctx, roundId: number, talentId: number): Promise<TTalentProgramme> {
  const r = await roundOf(ctx, roundId);
  requireTalentWriter(ctx, r.region_code);
  return withAudit(ctx, async (tx, record) => {
    const round = await tx.selectFrom('talent_round').select('status').where('id', '=', roundId).forUpdate().executeTakeFirstOrThrow();
    if (round.status !== 'open') throw new AppError('talent/round_decided');
    const gone = await tx
      .deleteFrom('talent_nomination')
      .where('round_id', '=', roundId)
      .where('talent_id', '=', talentId)
      .returning('talent_id')
      .executeTakeFirst();
    if (!gone) throw new AppError('talent/not_nominee', { talentId });
    record({
      action: 'talent.round.withdraw',
      entityType: 'talent_round',
      entityId: roundId,
      regionCode: r.region_code,
      before: { talentId },
    });
    return loadProgramme(tx, r.programme_id);
  });
}
