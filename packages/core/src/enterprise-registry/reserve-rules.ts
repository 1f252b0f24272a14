import {
  AppError,
  defaultReserveRules,
  regionContains,
  regionPrefix,
  type TEnterprise,
  type TPackAssessment,
  type TReserveRuleSet,
  type TReserveRules,
  type TReserveRulesInput,
  type TReserveRulesView,
  type TReserveVerdict,
  ZReserveRules,
} from '@kechuang/contracts';
import type { DB, Kysely, Transaction } from '@kechuang/db';
import { withAudit } from '../audit/with-audit.ts';
import { bureauDate } from '../bureau-date.ts';
import type { Ctx } from '../context.ts';
import { D } from '../enterprise/decimal.ts';
import { assertRegionScope } from '../policy.ts';
import { requireBureau } from './enterprise-registry.policy.ts';

type Db = Kysely<DB> | Transaction<DB>;

/*
 * 高企后备库 admission rules as data: per region, versioned, each version effective from a date. The
 * rules in force for a region on a date are the latest version effective on or before it of the
 * region itself, else of its nearest ancestor with rules, else the built-in default.
 */

export const builtInRuleSet: TReserveRuleSet = {
  id: null,
  regionCode: null,
  version: 0,
  effectiveFrom: null,
  rules: defaultReserveRules,
  note: null,
  createdAt: null,
};

type Row = {
  id: number;
  region_code: string;
  version: number;
  effective_from: string;
  rules: unknown;
  note: string | null;
  created_at: Date;
};

function toRuleSet(r: Row): TReserveRuleSet {
  return {
    id: r.id,
    regionCode: r.region_code,
    version: r.version,
    effectiveFrom: r.effective_from,
    rules: ZReserveRules.parse(r.rules),
    note: r.note,
    createdAt: r.created_at.toISOString(),
  };
}

export async function reserveRulesInForce(db: Db, regionCode: string, at: string): Promise<TReserveRuleSet> {
  const rows = (await db.selectFrom('enterprise_reserve_rules').selectAll().where('effective_from', '<=', at).execute()).filter((r) =>
    regionContains(r.region_code, regionCode),
  );
  rows.sort(
    (a, b) =>
      regionPrefix(b.region_code).length - regionPrefix(a.region_code).length ||
      b.effective_from.localeCompare(a.effective_from) ||
      b.version - a.version,
  );
  return rows[0] ? toRuleSet(rows[0]) : builtInRuleSet;
}

async function view(db: Db, regionCode: string, at: string): Promise<TReserveRulesView> {
  const [inForce, history] = await Promise.all([
    reserveRulesInForce(db, regionCode, at),
    db.selectFrom('enterprise_reserve_rules').selectAll().where('region_code', '=', regionCode).orderBy('version', 'desc').execute(),
  ]);
  return { regionCode, at, inForce, history: history.map(toRuleSet) };
}

/** The rules applied to a region on a date, and the region's own versions. Bureau readers. */
export async function getReserveRules(ctx: Ctx, input: { region?: string | undefined; at?: string | undefined }) {
  const actor = requireBureau(ctx, false);
  const regionCode = input.region ?? actor.regionCode;
  assertRegionScope(actor, regionCode);
  return view(ctx.db, regionCode, input.at ?? bureauDate(ctx.now()));
}

/** Adds a version of a region's rules (admin, planner within their region). Earlier versions stay. */
export async function saveReserveRules(ctx: Ctx, input: TReserveRulesInput): Promise<TReserveRulesView> {
  const actor = requireBureau(ctx, true);
  assertRegionScope(actor, input.regionCode);
  return withAudit(ctx, async (tx, record) => {
    const latest = await tx
      .selectFrom('enterprise_reserve_rules')
      .select(['version', 'effective_from'])
      .where('region_code', '=', input.regionCode)
      .orderBy('version', 'desc')
      .executeTakeFirst();
    if (latest && input.effectiveFrom < latest.effective_from) {
      throw new AppError('enterprise/reserve_rules_stale', { latest: latest.effective_from });
    }
    const version = (latest?.version ?? 0) + 1;
    const row = await tx
      .insertInto('enterprise_reserve_rules')
      .values({
        region_code: input.regionCode,
        version,
        effective_from: input.effectiveFrom,
        rules: JSON.stringify(input.rules),
        note: input.note,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    record({
      action: 'enterprise.reserve_rules.save',
      entityType: 'enterprise_reserve_rules',
      entityId: row.id,
      regionCode: input.regionCode,
      after: { version, ...input },
    });
    return view(tx, input.regionCode, bureauDate(ctx.now()));
  });
}

function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
}

/** R&D ratio within `points` percentage points of the threshold, decided exactly: rd·100 ≥ (t·100 − points)·sales. */
function rdVerdict(hnte: TPackAssessment, points: string): TReserveVerdict {
  const c = hnte.conditions.find((x) => x.id === 'hnte.c5.ratio');
  const base = { rule: 'rdWithinPoints' as const };
  if (!c || c.status === 'unknown' || !c.figures.rdFen || !c.figures.salesFen || !c.figures.threshold) {
    return { ...base, passed: false, detail: '研发费用占比未知' };
  }
  if (c.status === 'met') return { ...base, passed: true, detail: `研发费用占比已达门槛（${c.threshold}）` };
  const rd = new D(c.figures.rdFen);
  const sales = new D(c.figures.salesFen);
  const floor = new D(c.figures.threshold).times(100).minus(points);
  const passed = rd.times(100).gte(floor.times(sales));
  const pct = sales.isZero() ? '—' : `${rd.div(sales).times(100).toDecimalPlaces(2, D.ROUND_DOWN).toString()}%`;
  return { ...base, passed, detail: `研发费用占比${pct}，门槛下浮${points}个百分点为${floor.toString()}%` };
}

/** Every set rule applied to one candidate's 高新技术企业 pre-assessment. */
export function applyReserveRules(rules: TReserveRules, enterprise: TEnterprise, hnte: TPackAssessment, at: string): TReserveVerdict[] {
  const unmet = hnte.conditions.filter((c) => c.status === 'unmet').length;
  const unknown = hnte.conditions.filter((c) => c.status === 'unknown').length;
  const out: TReserveVerdict[] = [];
  if (rules.maxUnmet !== null) {
    out.push({ rule: 'maxUnmet', passed: unmet <= rules.maxUnmet, detail: `未满足${unmet}项（上限${rules.maxUnmet}项）` });
  }
  if (rules.maxOpen !== null) {
    const open = unmet + unknown;
    out.push({ rule: 'maxOpen', passed: open <= rules.maxOpen, detail: `未满足或未知${open}项（上限${rules.maxOpen}项）` });
  }
  if (rules.requiredMet.length > 0) {
    const missing = rules.requiredMet
      .map((id) => hnte.conditions.find((c) => c.id === id))
      .filter((c) => c !== undefined && c.status !== 'met')
      .map((c) => c?.label);
    out.push({
      rule: 'requiredMet',
      passed: missing.length === 0,
      detail: missing.length === 0 ? `必备条件${rules.requiredMet.length}项均已满足` : `必备条件未满足：${missing.join('、')}`,
    });
  }
  if (rules.minScore !== null) {
    const max = hnte.score?.max ?? 0;
    out.push({ rule: 'minScore', passed: max >= rules.minScore, detail: `创新能力估分上限${max}分（要求 ≥ ${rules.minScore}分）` });
  }
  if (rules.rdWithinPoints !== null) out.push(rdVerdict(hnte, rules.rdWithinPoints));
  if (rules.minYearsRegistered !== null) {
    const n = rules.minYearsRegistered;
    if (!enterprise.registeredOn) out.push({ rule: 'minYearsRegistered', passed: false, detail: '成立日期未知' });
    else {
      const due = addYears(enterprise.registeredOn, n);
      out.push({ rule: 'minYearsRegistered', passed: due <= at, detail: `成立于${enterprise.registeredOn}，要求成立满${n}年（${due}起）` });
    }
  }
  return out;
}
