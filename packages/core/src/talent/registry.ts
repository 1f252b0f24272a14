import { AppError, type TTalent, type TTalentInput, type TTalentQuery } from '@kechuang/contracts';
import { withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { upsertPerson } from '../person/index.ts';
import { requireActor } from '../policy.ts';
import { subtreePattern } from '../query.ts';
import { tableXlsx } from '../xlsx-table.ts';
import { requireTalentReader, requireTalentWriter, seesIdentity } from './talent.policy.ts';
import { loadTalent, talentQuery, toTalents } from './talent.repository.ts';
import { refreshTalentIndicators } from './talent-indicators.ts';

/*
 * The talent registry sits on the one person record (core/src/person): an expert, a project leader, a 特派员 or a
 * 技术经理人 with the same identity number is the same person, so integrity records and conflicts follow them.
 * An introduced talent (引进, with its date) counts towards "引进高层次人才N名" (talent_count).
 */

export async function createTalent(ctx: Ctx, input: TTalentInput): Promise<TTalent> {
  const actor = requireTalentWriter(ctx, input.regionCode);
  return withAudit(ctx, async (tx, record) => {
    const personId = await upsertPerson(tx, input.person, input.employerOrgId);
    const exists = await tx.selectFrom('talent').select('id').where('person_id', '=', personId).executeTakeFirst();
    if (exists) throw new AppError('talent/exists', { id: exists.id });
    const row = await tx
      .insertInto('talent')
      .values({
        person_id: personId,
        region_code: input.regionCode,
        employer_org_id: input.employerOrgId,
        field: input.field,
        level: input.level,
        introduced_on: input.introducedOn,
        introduced_from: input.introducedFrom,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // the identity number itself is never written to the audit trail
    const { idNumber: _omit, ...person } = input.person;
    record({ action: 'talent.create', entityType: 'talent', entityId: row.id, regionCode: input.regionCode, after: { ...input, person } });
    if (input.introducedOn) {
      await refreshTalentIndicators(tx, input.regionCode, Number(input.introducedOn.slice(0, 4)), {
        userId: actor.userId,
        via: actor.username,
        now: ctx.now(),
      });
    }
    return (await toTalents(tx, [await loadTalent(tx, row.id)], true))[0] as TTalent;
  });
}

export async function addAward(ctx: Ctx, id: number, input: { name: string; level: string; year: number }): Promise<TTalent> {
  const t = await loadTalent(ctx.db, id);
  requireTalentWriter(ctx, t.region_code);
  return withAudit(ctx, async (tx, record) => {
    await tx
      .insertInto('talent_award')
      .values({ person_id: t.person_id, ...input })
      .execute();
    record({ action: 'talent.award', entityType: 'talent', entityId: id, regionCode: t.region_code, after: input });
    return (await toTalents(tx, [await loadTalent(tx, id)], true))[0] as TTalent;
  });
}

function scoped(ctx: Ctx, q: Omit<TTalentQuery, 'page' | 'pageSize'>) {
  const actor = requireActor(ctx);
  const region = q.region ?? actor.regionCode;
  requireTalentReader(ctx, region);
  let query = talentQuery(ctx.db).where('t.region_code', 'like', subtreePattern(region));
  if (q.q) query = query.where((eb) => eb.or([eb('p.name', 'like', `%${q.q}%`), eb('t.field', 'like', `%${q.q}%`)]));
  if (q.level) query = query.where('t.level', '=', q.level);
  if (q.introducedYear)
    query = query.where('t.introduced_on', '>=', `${q.introducedYear}-01-01`).where('t.introduced_on', '<=', `${q.introducedYear}-12-31`);
  return { actor, query };
}

export async function listTalents(ctx: Ctx, q: TTalentQuery) {
  const { actor, query } = scoped(ctx, q);
  const total = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy('t.id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { items: await toTalents(ctx.db, rows, seesIdentity(actor)), total: Number(total.n), page: q.page, pageSize: q.pageSize };
}

const levelZh: Record<string, string> = { top: '顶尖人才', leading: '领军人才', high: '高层次人才', young: '青年英才', other: '其他' };

export async function exportTalentsXlsx(ctx: Ctx, q: Omit<TTalentQuery, 'page' | 'pageSize'>): Promise<Buffer> {
  const { query } = scoped(ctx, q);
  // the export carries no identity details, whoever asks
  const rows = await toTalents(ctx.db, await query.orderBy('t.id').limit(50_000).execute(), false);
  return tableXlsx(
    '科技人才',
    [
      { header: '姓名', width: 10, value: (r: TTalent) => r.name },
      { header: '工作单位', width: 28, value: (r) => r.employerName },
      { header: '职称', width: 12, value: (r) => r.title },
      { header: '领域', width: 14, value: (r) => r.field },
      { header: '层次', width: 12, value: (r) => levelZh[r.level] ?? r.level },
      { header: '地区代码', width: 10, value: (r) => r.regionCode },
      { header: '引进日期', width: 12, value: (r) => r.introducedOn },
      { header: '入选计划', width: 30, value: (r) => r.programmes.map((p) => `${p.name}（${p.year}）`).join('；') },
      { header: '获奖', width: 30, value: (r) => r.awards.map((a) => `${a.name}（${a.year}）`).join('；') },
    ],
    rows,
  );
}
