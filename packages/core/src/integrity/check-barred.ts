import type { Ctx } from '../context.ts';

/*
 * The one question every project step asks of research-integrity records (科研诚信): is this person or
 * organisation barred from this activity on this day? 《科研失信行为调查处理规则》(国科发监〔2022〕221号) and
 * local 信用管理办法 set bans of a scope (申报, 承担, 评审 …) and period; the records and their rule packs are
 * the next issue. Until it registers its source the answer is "no record, no ban".
 */

export type BarredActivity = 'apply' | 'undertake' | 'review';
export type BarredSubject = { kind: 'person'; id: number } | { kind: 'org'; id: number };

export interface BarredQuery {
  subject: BarredSubject;
  activity: BarredActivity;
  /** the bureau's calendar day, YYYY-MM-DD */
  on: string;
}

export type BarredAnswer = { barred: false } | { barred: true; reason: string };

/** A place bans are read from (the integrity-record store registers itself here). */
export type BanSource = (ctx: Pick<Ctx, 'db'>, query: BarredQuery) => Promise<BarredAnswer>;

const sources: BanSource[] = [];

export function registerBanSource(source: BanSource): () => void {
  sources.push(source);
  return () => {
    const i = sources.indexOf(source);
    if (i >= 0) sources.splice(i, 1);
  };
}

export async function checkBarred(ctx: Pick<Ctx, 'db'>, query: BarredQuery): Promise<BarredAnswer> {
  for (const source of sources) {
    const answer = await source(ctx, query);
    if (answer.barred) return answer;
  }
  return { barred: false };
}
