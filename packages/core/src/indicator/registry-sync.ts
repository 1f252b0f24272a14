import { AppError, type TIpItem, type TRegistrySyncResult } from '@kechuang/contracts';
import { sql } from '@kechuang/db';
import { withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { highValuePatent2021, isHighValuePatent } from '../enterprise/index.ts';
import { subtreePattern } from '../query.ts';
import { assertReadScope, requireIndicatorWriter } from './indicator.policy.ts';
import { loadTree } from './values.repository.ts';
import { type NewValue, writeValues } from './write-values.ts';

/**
 * 高价值发明专利拥有量 per county from the enterprises' IP records: valid invention patents on 31 December of the
 * year that meet any criterion of 国家知识产权局口径 (enterprise/high-value-patent.ts), by the enterprise's region.
 */
async function highValuePatentsByRegion(ctx: Ctx, region: string, year: number): Promise<Map<string, number>> {
  const rows = await ctx.db
    .selectFrom('enterprise_ip as i')
    .innerJoin('enterprise as e', 'e.id', 'i.enterprise_id')
    .select(['e.region_code', 'i.data'])
    .where('e.region_code', 'like', subtreePattern(region))
    .where('i.kind', '=', 'invention_patent')
    .execute();
  const at = `${year}-12-31`;
  const out = new Map<string, number>();
  for (const r of rows) {
    const item = (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as TIpItem;
    if (isHighValuePatent(item, at)) out.set(r.region_code, (out.get(r.region_code) ?? 0) + 1);
  }
  return out;
}

/** ladder rung → indicator it counts */
const rungIndicator = { hnte: 'hnte_count', techSme: 'tech_sme_count' } as const;

/**
 * Writes the enterprise counts of the registry as actual values (source 'registry') for a region and its
 * child regions for a year: enterprises holding the rung on 31 December, from the ladder tallies the
 * funnel reads (enterprise-funnel.ts), summed over each region's subtree. The region's own value is the
 * subtree total, so enterprises registered at the city code itself are counted too. A later sync after new
 * statuses supersedes the earlier values (history kept). 高价值发明专利拥有量 is counted the same way from the
 * enterprises' IP records (highValuePatentsByRegion). 技术合同成交额 will come from the technology-contract
 * register the same way once that module exists; it is not built yet.
 */
export async function syncRegistryIndicators(ctx: Ctx, input: { region: string; year: number }): Promise<TRegistrySyncResult> {
  const actor = requireIndicatorWriter(ctx);
  assertReadScope(actor, input.region);
  const tree = await loadTree(ctx, input.region);
  if (!tree.names.has(input.region)) throw new AppError('region/not_found', { code: input.region });
  const targets = [input.region, ...(tree.children.get(input.region) ?? [])];
  const tally = await sql<{ region_code: string; rung: string; n: string | null }>`
    select region_code, rung, sum(delta) as n from enterprise_ladder_tally
    where region_code like ${subtreePattern(input.region)} and year <= ${input.year}::int and rung in ('hnte', 'techSme')
    group by region_code, rung`.execute(ctx.db);
  const patents = await highValuePatentsByRegion(ctx, input.region, input.year);
  const values: NewValue[] = [];
  for (const region of targets) {
    const prefix = subtreePattern(region).slice(0, -1);
    let hv = 0;
    for (const [code, n] of patents) if (code.startsWith(prefix)) hv += n;
    values.push({
      indicatorCode: 'high_value_invention_patents',
      regionCode: region,
      period: String(input.year),
      kind: 'actual',
      value: String(hv),
      source: 'registry',
      sourceRef: `企业库知识产权记录（${input.year}-12-31 有效的高价值发明专利，${highValuePatent2021.name}）`,
      note: null,
    });
    for (const [rung, indicatorCode] of Object.entries(rungIndicator)) {
      // the region itself: its whole subtree; a child: the child's subtree
      const prefix = subtreePattern(region).slice(0, -1);
      const n = tally.rows.filter((r) => r.rung === rung && r.region_code.startsWith(prefix)).reduce((s, r) => s + Number(r.n ?? 0), 0);
      values.push({
        indicatorCode,
        regionCode: region,
        period: String(input.year),
        kind: 'actual',
        value: String(n),
        source: 'registry',
        sourceRef: `企业库梯度状态（${input.year}-12-31 在有效期内）`,
        note: null,
      });
    }
  }
  return withAudit(ctx, async (tx, record) => {
    const counts = await writeValues(tx, values, { userId: actor.userId, via: actor.username, now: ctx.now() });
    record({
      action: 'indicator.registry_sync',
      entityType: 'indicator_value',
      entityId: null,
      regionCode: input.region,
      after: { year: input.year, regions: targets.length, ...counts },
    });
    return {
      year: input.year,
      written: counts.created + counts.corrected,
      unchanged: counts.unchanged,
      values: values.map((v) => ({ indicatorCode: v.indicatorCode, regionCode: v.regionCode, value: Number(v.value) })),
    };
  });
}
