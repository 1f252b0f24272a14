import { sql } from '@kechuang/db';
import type { Ctx } from '../context.ts';
import { activityZh, listZh } from './labels.ts';
import { dateZh, periodZh } from './period.ts';
import { measureZh, packById } from './rule-packs.ts';

/*
 * The one question every process asks of research-integrity records (科研诚信): is this person or organisation
 * barred from this activity on this day, and why? 《科研失信行为调查处理规则》(国科发监〔2022〕221号) and local
 * 信用管理办法 set bans of a scope (申报, 承担, 评审, 高企认定, 奖励 …) and period. The answer is read from the
 * integrity_record table (confirmed and published records, period covering the day, scope covering the
 * activity), so it holds in every process; other sources can still be registered (tests, imports of national
 * lists).
 */

export type BarredActivity = 'apply' | 'undertake' | 'review' | 'hnte' | 'award' | 'voucher' | 'platform';
export type BarredSubject = { kind: 'person'; id: number } | { kind: 'org'; id: number };

export interface BarredQuery {
  subject: BarredSubject;
  activity: BarredActivity;
  /** the bureau's calendar day, YYYY-MM-DD */
  on: string;
}

export type BarredAnswer = { barred: false } | { barred: true; reason: string; recordId?: number };

/** A place bans are read from besides the records table (a registered source). */
export type BanSource = (ctx: Pick<Ctx, 'db'>, query: BarredQuery) => Promise<BarredAnswer>;

const sources: BanSource[] = [];

export function registerBanSource(source: BanSource): () => void {
  sources.push(source);
  return () => {
    const i = sources.indexOf(source);
    if (i >= 0) sources.splice(i, 1);
  };
}

/** The record in force that bars the subject, the longest-running first; its reason names it. */
async function fromRecords(ctx: Pick<Ctx, 'db'>, q: BarredQuery): Promise<BarredAnswer> {
  const r = await ctx.db
    .selectFrom('integrity_record')
    .selectAll()
    .where(q.subject.kind === 'person' ? 'person_id' : 'org_id', '=', q.subject.id)
    .where('status', 'in', ['confirmed', 'published'])
    .where('list_kind', '<>', 'red')
    .where(sql<boolean>`ban_scope @> array[${q.activity}]::text[]`)
    .where('period_start', '<=', q.on)
    .where((eb) => eb.or([eb('permanent', '=', true), eb('period_end', '>=', q.on)]))
    .orderBy('permanent', 'desc')
    .orderBy('period_end', 'desc')
    .orderBy('id')
    .executeTakeFirst();
  if (!r) return { barred: false };
  const pack = packById(r.pack_id);
  const decision = [r.doc_no, r.issuer, r.decided_on ? `${dateZh(r.decided_on)}作出` : null].filter(Boolean).join('，');
  const measures = r.measures.map((m) => measureZh(pack, m)).join('；');
  const scope = r.ban_scope.map((a) => activityZh[a] ?? a).join('、');
  const period = periodZh({ periodStart: r.period_start, periodEnd: r.period_end, permanent: r.permanent, periodYears: r.period_years });
  return {
    barred: true,
    recordId: r.id,
    reason:
      `${r.subject_name}已被列入科研诚信${listZh[r.list_kind]}（记录第${r.id}号${decision ? `，${decision}` : ''}），` +
      `处理措施：${measures}；${period}不得参与${scope}，本次${activityZh[q.activity]}受限。`,
  };
}

export async function checkBarred(ctx: Pick<Ctx, 'db'>, query: BarredQuery): Promise<BarredAnswer> {
  const own = await fromRecords(ctx, query);
  if (own.barred) return own;
  for (const source of sources) {
    const answer = await source(ctx, query);
    if (answer.barred) return answer;
  }
  return { barred: false };
}
