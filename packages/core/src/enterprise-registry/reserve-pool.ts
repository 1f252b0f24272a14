import type { TEnterpriseYear, TReservePool } from '@kechuang/contracts';
import { sql } from '@kechuang/db';
import { bureauDate } from '../bureau-date.ts';
import type { Ctx } from '../context.ts';
import { assertRegionScope } from '../policy.ts';
import { subtreePattern } from '../query.ts';
import { reader } from '../reader.ts';
import { assessFacts } from './assess-stored-enterprise.ts';
import { loadRecordsOf } from './enterprise-records.repository.ts';
import { requireBureau } from './enterprise-registry.policy.ts';
import { activeOn, selectEnterprises, toEnterprise } from './enterprise-registry.repository.ts';
import { applyReserveRules, reserveRulesInForce } from './reserve-rules.ts';

type Entry = TReservePool['items'][number];
type Excluded = TReservePool['excluded'][number];

/**
 * 高企后备库 of a region subtree: enterprises with yearly figures that do not hold 高新技术企业 on `at`,
 * pre-assessed against the HNTE pack in force (with their stored IP items and incidents), admitted by
 * the region's reserve rules in force on `at` (own, inherited or built-in), and ranked by closeness —
 * fewest conditions not yet shown met (unmet + unknown), then fewest unmet, then the higher innovation
 * score — with their gaps and each rule's verdict. Candidates the rules keep out are listed with the
 * rules they failed.
 */
export async function reservePool(
  ctx: Ctx,
  input: { region?: string | undefined; at?: string | undefined; limit?: number | undefined },
): Promise<TReservePool> {
  const actor = requireBureau(ctx, false);
  const regionCode = input.region ?? actor.regionCode;
  assertRegionScope(actor, regionCode);
  const at = input.at ?? bureauDate(ctx.now());
  const pattern = subtreePattern(regionCode);
  const [rules, rows, years, certs] = await Promise.all([
    reserveRulesInForce(reader(ctx), regionCode, at),
    selectEnterprises(reader(ctx), at)
      .where('e.region_code', 'like', pattern)
      .where(sql<boolean>`exists (select 1 from enterprise_year y where y.enterprise_id = e.id)`)
      .where(
        sql<boolean>`not exists (select 1 from enterprise_status s where s.enterprise_id = e.id and s.rung = 'hnte' and ${activeOn(at)})`,
      )
      .execute(),
    reader(ctx)
      .selectFrom('enterprise_year as y')
      .innerJoin('enterprise as e', 'e.id', 'y.enterprise_id')
      .select(['y.enterprise_id', 'y.data'])
      .where('e.region_code', 'like', pattern)
      .orderBy('y.enterprise_id')
      .orderBy('y.year')
      .execute(),
    reader(ctx)
      .selectFrom('enterprise_status as s')
      .innerJoin('enterprise as e', 'e.id', 's.enterprise_id')
      .select(['s.enterprise_id', 's.valid_from', 's.reference'])
      .where('e.region_code', 'like', pattern)
      .where('s.rung', '=', 'hnte')
      .orderBy('s.valid_from')
      .execute(),
  ]);
  const yearsOf = new Map<number, TEnterpriseYear[]>();
  for (const y of years) yearsOf.set(y.enterprise_id, [...(yearsOf.get(y.enterprise_id) ?? []), y.data as TEnterpriseYear]);
  const certOf = new Map(certs.map((c) => [c.enterprise_id, { issueDate: c.valid_from, ...(c.reference ? { number: c.reference } : {}) }]));

  const records = await loadRecordsOf(
    reader(ctx),
    rows.map((r) => r.id),
  );

  const items: Entry[] = [];
  const excluded: Excluded[] = [];
  for (const row of rows) {
    const enterprise = toEnterprise(row);
    const result = assessFacts(
      { enterprise, years: yearsOf.get(row.id) ?? [], hnteCertificate: certOf.get(row.id) ?? null, records: records.get(row.id) },
      at,
    );
    const hnte = result.assessments.find((a) => a.program === 'hnte');
    if (!hnte) continue;
    const gaps = hnte.conditions
      .filter((c) => c.status !== 'met')
      .map((c) => ({ id: c.id, label: c.label, status: c.status as 'unmet' | 'unknown', ...(c.hint ? { hint: c.hint } : {}) }));
    const unmet = gaps.filter((g) => g.status === 'unmet').length;
    const unknown = gaps.filter((g) => g.status === 'unknown').length;
    const verdicts = applyReserveRules(rules.rules, enterprise, hnte, at);
    const failed = verdicts.filter((v) => !v.passed);
    if (failed.length > 0) {
      excluded.push({ enterprise, unmet, unknown, failed });
      continue;
    }
    items.push({ enterprise, unmet, unknown, scoreMin: hnte.score?.min ?? 0, scoreMax: hnte.score?.max ?? 0, gaps, verdicts });
  }
  const closeness = (
    a: { unmet: number; unknown: number; enterprise: { name: string; id: number } },
    b: { unmet: number; unknown: number; enterprise: { name: string; id: number } },
  ) => a.unmet + a.unknown - (b.unmet + b.unknown) || a.unmet - b.unmet;
  const byName = (a: { enterprise: { name: string; id: number } }, b: { enterprise: { name: string; id: number } }) =>
    a.enterprise.name.localeCompare(b.enterprise.name, 'zh-CN') || a.enterprise.id - b.enterprise.id;
  excluded.sort((a, b) => closeness(a, b) || byName(a, b));
  items.sort(
    (a, b) =>
      a.unmet + a.unknown - (b.unmet + b.unknown) ||
      a.unmet - b.unmet ||
      b.scoreMin - a.scoreMin ||
      b.scoreMax - a.scoreMax ||
      a.enterprise.name.localeCompare(b.enterprise.name, 'zh-CN') ||
      a.enterprise.id - b.enterprise.id,
  );
  const limit = input.limit ?? 100;
  return { regionCode, at, rules, items: items.slice(0, limit), excluded: excluded.slice(0, limit) };
}
