import { type DB, sql, type Transaction } from '@kechuang/db';
import { withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { type NewValue, writeValues } from '../indicator/index.ts';
import { subtreePattern } from '../query.ts';
import { fenToWan } from './money.ts';
import { requireManagerOf } from './project.policy.ts';
import type { Db } from './project.repository.ts';

/*
 * Project numbers as indicator actuals for a region and its child regions in a year (source 'registry', like
 * the enterprise counts), each region's value the total of its subtree:
 *   project_started_count  立项科技项目数 — projects of the year (revoked ones excluded)
 *   project_granted_funds  立项资助资金（万元）
 *   open_competition_count 揭榜挂帅项目数
 *   st_project_funding     争取上级科技项目资金（万元）— the amounts won upward (争资) in the year
 * A plan target bound to one of these codes takes its actual from here. A later sync supersedes the earlier
 * values (history kept).
 */

export interface ProjectFigures {
  started: number;
  grantedFen: bigint;
  openCompetition: number;
  upwardWonFen: bigint;
}

export async function projectFigures(db: Db, region: string, year: number): Promise<ProjectFigures> {
  const pattern = subtreePattern(region);
  const p = await sql<{ n: string; granted: string | null; oc: string }>`
    select count(*) as n, sum(granted_fen) as granted, count(*) filter (where programme_kind = 'open_competition') as oc
    from project where region_code like ${pattern} and year = ${year}::int and status <> 'revoked'`.execute(db);
  const u = await sql<{ won: string | null }>`
    select sum(won_fen) as won from project_upward where region_code like ${pattern} and year = ${year}::int and status = 'won'`.execute(
    db,
  );
  const row = p.rows[0];
  return {
    started: Number(row?.n ?? 0),
    grantedFen: BigInt(row?.granted ?? 0),
    openCompetition: Number(row?.oc ?? 0),
    upwardWonFen: BigInt(u.rows[0]?.won ?? 0),
  };
}

function figureValues(region: string, year: number, f: ProjectFigures): NewValue[] {
  const v = (indicatorCode: string, value: string): NewValue => ({
    indicatorCode,
    regionCode: region,
    period: String(year),
    kind: 'actual',
    value,
    source: 'registry',
    sourceRef: `科技项目库（${year}年立项、争资）`,
    note: null,
  });
  return [
    v('project_started_count', String(f.started)),
    v('project_granted_funds', fenToWan(f.grantedFen)),
    v('open_competition_count', String(f.openCompetition)),
    v('st_project_funding', fenToWan(f.upwardWonFen)),
  ];
}

/** The region and the regions above it (430408 → 430400 → 430000): the values a project of the region moves. */
export function regionChain(code: string): string[] {
  const out = [code];
  if (!code.endsWith('00')) out.push(`${code.slice(0, 4)}00`);
  if (!code.endsWith('0000')) out.push(`${code.slice(0, 2)}0000`);
  return out;
}

/**
 * Keeps the project indicators live: called inside the transaction of every change that moves them (立项,
 * 撤销, import, 争资 result), it rewrites the year's values of the project's region and every region above it.
 */
export async function refreshProjectIndicators(
  tx: Transaction<DB>,
  region: string,
  year: number,
  who: { userId: number | null; via: string | null; now: Date },
): Promise<void> {
  const regions = await tx.selectFrom('region').select('code').where('code', 'in', regionChain(region)).execute();
  const values: NewValue[] = [];
  for (const r of regions) values.push(...figureValues(r.code, year, await projectFigures(tx, r.code, year)));
  await writeValues(tx, values, who);
}

export async function syncProjectIndicators(ctx: Ctx, input: { region: string; year: number }) {
  const actor = requireManagerOf(ctx, input.region);
  const children = await ctx.db
    .selectFrom('region')
    .select('code')
    .where('parent_code', '=', input.region)
    .where('valid_to', 'is', null)
    .execute();
  const regions = [input.region, ...children.map((c) => c.code)];
  const values: NewValue[] = [];
  for (const region of regions) values.push(...figureValues(region, input.year, await projectFigures(ctx.db, region, input.year)));
  return withAudit(ctx, async (tx, record) => {
    const counts = await writeValues(tx, values, { userId: actor.userId, via: actor.username, now: ctx.now() });
    record({
      action: 'project.indicator_sync',
      entityType: 'indicator_value',
      entityId: null,
      regionCode: input.region,
      after: { year: input.year, regions: regions.length, ...counts },
    });
    return { year: input.year, values: values.map((x) => ({ indicatorCode: x.indicatorCode, regionCode: x.regionCode, value: x.value })) };
  });
}
