import { sql } from '@kechuang/db';
import { withAudit } from '../audit/with-audit.ts';
import { generatePassword, hashPassword } from '../auth/password.ts';
import { bureauDate } from '../bureau-date.ts';
import type { Ctx } from '../context.ts';
import { rebuildAllLadders, refreshLadder } from '../enterprise-registry/index.ts';
import { demoOrgs, demoUsers } from './demo-data.ts';
import { demoEnterprises } from './demo-enterprises.ts';
import { loadDemoExperts } from './demo-expert.ts';
import { loadDemoIndicators } from './demo-indicators.ts';
import { loadDemoIntegrity } from './demo-integrity.ts';
import { demoLadder } from './demo-ladder.ts';
import { loadDemoPlan } from './demo-plan.ts';
import { loadDemoPlatforms } from './demo-platform.ts';
import { loadDemoProjects } from './demo-projects.ts';
import { loadDemoReview } from './demo-review.ts';
import { loadDemoTalent } from './demo-talent.ts';
import { loadDemoTechmarket } from './demo-techmarket.ts';
import { loadDemoVouchers } from './demo-voucher.ts';

export interface DemoAccount {
  username: string;
  password: string;
  note: string;
}

/**
 * Loads demo organisations and accounts once (the `demo` setting marks it). Demo accounts exist
 * only in a database set up this way; a production install created with `kechuang user add` has none.
 * Returns the accounts with their passwords, or null when demo data was already there.
 */
export async function loadDemo(
  ctx: Ctx,
  opts: { password?: string; withPlan?: boolean; onProgress?: (step: string) => void } = {},
): Promise<DemoAccount[] | null> {
  const progress = opts.onProgress ?? (() => {});
  const done = await ctx.db.selectFrom('setting').select('key').where('key', '=', 'demo').executeTakeFirst();
  if (done) return null;
  progress('演示单位与账号');
  const accounts = demoUsers.map((u) => ({ ...u, password: opts.password ?? generatePassword() }));
  const hashes = await Promise.all(accounts.map((a) => hashPassword(a.password)));
  const demoAccounts = await withAudit({ ...ctx, via: ctx.via ?? 'demo' }, async (tx, record) => {
    const ids = new Map<string, number>();
    for (const o of demoOrgs) {
      const row = await tx
        .insertInto('organization')
        .values({ name: o.name, kind: o.kind, region_code: o.regionCode, uscc: o.uscc ?? null })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.set(o.key, row.id);
    }
    const userIds = new Map<string, number>();
    for (const [i, a] of accounts.entries()) {
      const user = await tx
        .insertInto('app_user')
        .values({
          username: a.username,
          display_name: a.displayName,
          org_id: ids.get(a.org) as number,
          roles: a.roles,
          password_hash: hashes[i] as string,
          must_change_password: false,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      userIds.set(a.username, user.id);
    }
    const ladder = demoLadder(bureauDate(ctx.now()));
    progress(`演示企业（${demoEnterprises.length + ladder.length} 家）`);
    for (const e of demoEnterprises) {
      const { id } = await tx
        .insertInto('enterprise')
        .values({
          uscc: e.uscc,
          name: e.name,
          region_code: e.regionCode,
          industry_code: e.industryCode,
          registered_on: e.registeredOn,
          org_id: e.orgKey ? (ids.get(e.orgKey) ?? null) : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('enterprise_year')
        .values(e.years.map((y) => ({ enterprise_id: id, year: y.year, data: JSON.stringify(y) })))
        .execute();
      await tx
        .insertInto('enterprise_status')
        .values(
          e.statuses.map((s) => ({
            enterprise_id: id,
            rung: s.rung,
            reference: s.reference,
            valid_from: s.validFrom,
            valid_to: s.validTo,
          })),
        )
        .execute();
      await refreshLadder(tx, id);
    }
    // the few hundred enterprises of the ladder in bulk, then every ladder rebuilt in one pass
    const rows = await tx
      .insertInto('enterprise')
      .values(
        ladder.map((e) => ({
          uscc: e.uscc,
          name: e.name,
          region_code: e.regionCode,
          industry_code: e.industryCode,
          registered_on: e.registeredOn,
        })),
      )
      .returning('id')
      .execute();
    await tx
      .insertInto('enterprise_status')
      .values(
        ladder.flatMap((e, i) =>
          e.statuses.map((s) => ({
            enterprise_id: rows[i]?.id as number,
            rung: s.rung,
            reference: s.reference,
            valid_from: s.validFrom,
            valid_to: s.validTo,
          })),
        ),
      )
      .execute();
    await rebuildAllLadders(tx);
    progress('演示指标数值');
    await loadDemoIndicators(tx, ctx.now(), [...demoEnterprises, ...ladder]);
    if (opts.withPlan !== false) {
      progress('演示工作计划、分工与报送');
      await loadDemoPlan(tx, ids, userIds, ctx.now());
      progress('演示科研诚信记录');
      await loadDemoIntegrity(tx, ctx.now());
      progress('演示评审专家库');
      await loadDemoExperts(tx, ctx.now());
      progress('演示创新平台');
      await loadDemoPlatforms(tx, ctx.now());
    }
    await tx
      .insertInto('setting')
      .values({ key: 'demo', value: sql`'true'::jsonb` as unknown as string })
      .execute();
    record({
      action: 'demo.load',
      entityType: 'setting',
      entityId: 'demo',
      regionCode: '430400',
      after: { orgs: demoOrgs.length, users: accounts.length, enterprises: demoEnterprises.length + ladder.length },
    });
    return accounts.map((a) => ({ username: a.username, password: a.password, note: a.note }));
  });
  // the modules below are walked through their own use cases, each step in its own transaction
  if (opts.withPlan !== false) {
    progress('演示科技项目（申报、立项、验收与争资）');
    const year = Number(bureauDate(ctx.now()).slice(0, 4));
    await loadDemoProjects({ ...ctx, via: ctx.via ?? 'demo' }, year);
    progress('演示专家抽取与评审');
    await loadDemoReview({ ...ctx, via: ctx.via ?? 'demo' }, year);
    // last year's market (contracts registered, achievements, lists, one 对接会): this year's turnover moves
    // only with what users register
    progress('演示技术市场（上一年度）');
    await loadDemoTechmarket({ ...ctx, via: ctx.via ?? 'demo' }, year - 1);
    progress('演示科技人才与科技特派员');
    await loadDemoTalent({ ...ctx, via: ctx.via ?? 'demo' }, year);
    // last year's 创新券 (a quota used and redeemed): this year's quota is the enterprise's to apply for
    progress('演示创新券（上一年度）');
    await loadDemoVouchers({ ...ctx, via: ctx.via ?? 'demo' }, year - 1);
  }
  return demoAccounts;
}
