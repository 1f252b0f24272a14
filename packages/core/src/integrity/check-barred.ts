import { type DB, sql } from '@kechuang/db';
import type { Selectable } from 'kysely';
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

type Row = Selectable<DB['integrity_record']>;

/** Records in force on the day whose ban covers the activity (red-list entries never bar). */
function inForce(db: Pick<Ctx, 'db'>['db'], activity: BarredActivity, on: string) {
  return db
    .selectFrom('integrity_record')
    .selectAll()
    .where('status', 'in', ['confirmed', 'published'])
    .where('list_kind', '<>', 'red')
    .where(sql<boolean>`ban_scope @> array[${activity}]::text[]`)
    .where('period_start', '<=', on)
    .where((eb) => eb.or([eb('permanent', '=', true), eb('period_end', '>=', on)]))
    .orderBy('permanent', 'desc')
    .orderBy('period_end', 'desc')
    .orderBy('id');
}

/** The zh-CN reason: the record (number, 文号, issuer, date), its measures and period, and the activity refused. */
function reasonOf(r: Row, activity: BarredActivity): string {
  const pack = packById(r.pack_id);
  const decision = [r.doc_no, r.issuer, r.decided_on ? `${dateZh(r.decided_on)}作出` : null].filter(Boolean).join('，');
  const measures = r.measures.map((m) => measureZh(pack, m)).join('；');
  const scope = r.ban_scope.map((a) => activityZh[a] ?? a).join('、');
  const period = periodZh({ periodStart: r.period_start, periodEnd: r.period_end, permanent: r.permanent, periodYears: r.period_years });
  return (
    `${r.subject_name}已被列入科研诚信${listZh[r.list_kind]}（记录第${r.id}号${decision ? `，${decision}` : ''}），` +
    `处理措施：${measures}；${period}不得参与${scope}，本次${activityZh[activity]}受限。`
  );
}

/** The record in force that bars the subject, the longest-running first; its reason names it. */
async function fromRecords(ctx: Pick<Ctx, 'db'>, q: BarredQuery): Promise<BarredAnswer> {
  const r = await inForce(ctx.db, q.activity, q.on)
    .where(q.subject.kind === 'person' ? 'person_id' : 'org_id', '=', q.subject.id)
    .executeTakeFirst();
  return r ? { barred: true, recordId: r.id, reason: reasonOf(r, q.activity) } : { barred: false };
}

/**
 * Many subjects of one kind at once (an expert draw over a whole pool, a call's applicants): the barred ones
 * with their reason, from the records table in one query. Registered sources are asked per subject only when
 * there are any.
 */
export async function barredAmong(
  ctx: Pick<Ctx, 'db'>,
  q: { kind: 'person' | 'org'; ids: readonly number[]; activity: BarredActivity; on: string },
): Promise<Map<number, { reason: string; recordId?: number }>> {
  const out = new Map<number, { reason: string; recordId?: number }>();
  const ids = [...new Set(q.ids)];
  if (ids.length === 0) return out;
  const column = q.kind === 'person' ? 'person_id' : 'org_id';
  for (let i = 0; i < ids.length; i += 10_000) {
    const rows = await inForce(ctx.db, q.activity, q.on)
      .where(column, 'in', ids.slice(i, i + 10_000))
      .execute();
    for (const r of rows) {
      const id = r[column] as number;
      if (!out.has(id)) out.set(id, { reason: reasonOf(r, q.activity), recordId: r.id });
    }
  }
  if (sources.length > 0)
    for (const id of ids) {
      if (out.has(id)) continue;
      for (const source of sources) {
        const answer = await source(ctx, { subject: { kind: q.kind, id }, activity: q.activity, on: q.on });
        if (answer.barred) {
          out.set(id, { reason: answer.reason });
          break;
        }
      }
    }
  return out;
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
