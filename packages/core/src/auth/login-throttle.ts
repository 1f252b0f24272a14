import { AppError, authPolicy } from '@kechuang/contracts';
import { type DB, type Kysely, sql, type Transaction } from '@kechuang/db';

/** Seconds to wait after the last failure, given the failures counted in the window. */
export function backoffSeconds(failures: number, free: number, step: { first: number; max: number }): number {
  if (failures < free) return 0;
  return Math.min(step.max, step.first * 2 ** (failures - free));
}

interface Tally {
  account: number;
  accountLast: Date | null;
  source: number;
  sourceLast: Date | null;
}

/**
 * Failures in the window for the username (since its last success or an administrator's reset) and for
 * the source address, in one query. The same for a username that does not exist, so the answer never
 * tells an attacker which accounts are real.
 */
async function tally(db: Kysely<DB> | Transaction<DB>, username: string, ip: string | null, now: Date): Promise<Tally> {
  const since = new Date(now.getTime() - authPolicy.loginWindowMinutes * 60_000);
  const { rows } = await sql<{ account: string; account_last: Date | null; source: string; source_last: Date | null }>`
    with account_from as (
      select greatest(
        ${since}::timestamptz,
        (select max(at) from login_attempt where username = ${username} and success),
        (select login_reset_at from app_user where username = ${username})
      ) as t
    )
    select
      count(*) filter (where a.username = ${username} and a.at > (select t from account_from)) as account,
      max(a.at) filter (where a.username = ${username} and a.at > (select t from account_from)) as account_last,
      count(*) filter (where a.ip = ${ip}) as source,
      max(a.at) filter (where a.ip = ${ip}) as source_last
    from login_attempt a
    where not a.success and a.at > ${since} and (a.username = ${username} or a.ip = ${ip})
  `.execute(db);
  const r = rows[0];
  const asDate = (v: Date | string | null | undefined) => (v == null ? null : new Date(v));
  return {
    account: Number(r?.account ?? 0),
    accountLast: asDate(r?.account_last),
    source: Number(r?.source ?? 0),
    sourceLast: asDate(r?.source_last),
  };
}

/**
 * Refuses an attempt that comes before its back-off has passed (429 with the seconds to wait). Attempts
 * refused here are not counted as failures, so waiting always ends.
 */
export async function checkLoginBackoff(
  db: Kysely<DB> | Transaction<DB>,
  input: { username: string; ip: string | null; now: Date },
): Promise<void> {
  const t = await tally(db, input.username, input.ip, input.now);
  const waits = [
    { wait: backoffSeconds(t.account, authPolicy.accountFreeFailures, authPolicy.accountBackoffSeconds), last: t.accountLast },
    ...(input.ip
      ? [{ wait: backoffSeconds(t.source, authPolicy.sourceFreeFailures, authPolicy.sourceBackoffSeconds), last: t.sourceLast }]
      : []),
  ];
  let retryAfter = 0;
  for (const { wait, last } of waits) {
    if (wait === 0 || !last) continue;
    const left = Math.ceil((last.getTime() + wait * 1000 - input.now.getTime()) / 1000);
    retryAfter = Math.max(retryAfter, left);
  }
  if (retryAfter > 0) throw new AppError('auth/too_many_attempts', { retryAfterSeconds: retryAfter });
}
