import { projectLimits, type TFinding } from '@kechuang/contracts';
import { similarTitlePairs } from './title-similarity.ts';

/*
 * The automatic part of 形式审查 over a whole call, as a pure function of the call's live applications:
 * 限项 per unit and per leader (counted in submission order: the applications beyond the limit are the ones
 * flagged), the same leader in two applications, near-duplicate titles, and the eligibility and integrity
 * answers the caller looked up. Blocking findings keep an application from passing the formal check.
 */

export interface CheckedApplication {
  id: number;
  title: string;
  orgId: number;
  leaderPersonId: number;
  /** submission order; drafts last */
  submittedAt: Date | null;
  eligibility: string[];
  barred: string | null;
}

export interface CallLimits {
  limitPerUnit: number | null;
  limitPerLeader: number | null;
}

function bySubmission(a: CheckedApplication, b: CheckedApplication): number {
  const ta = a.submittedAt?.getTime() ?? Number.MAX_SAFE_INTEGER;
  const tb = b.submittedAt?.getTime() ?? Number.MAX_SAFE_INTEGER;
  return ta - tb || a.id - b.id;
}

function groupBy<K>(apps: CheckedApplication[], key: (a: CheckedApplication) => K): Map<K, CheckedApplication[]> {
  const out = new Map<K, CheckedApplication[]>();
  for (const a of apps) {
    const list = out.get(key(a));
    if (list) list.push(a);
    else out.set(key(a), [a]);
  }
  return out;
}

export function formalFindings(
  apps: readonly CheckedApplication[],
  limits: CallLimits,
  threshold: number = projectLimits.duplicateTitleJaccard,
) {
  const ordered = [...apps].sort(bySubmission);
  const findings = new Map<number, TFinding[]>(ordered.map((a) => [a.id, []]));
  const add = (id: number, f: TFinding) => findings.get(id)?.push(f);

  for (const a of ordered) {
    for (const reason of a.eligibility) add(a.id, { kind: 'not_eligible', severity: 'block', message: reason, related: [] });
    if (a.barred) add(a.id, { kind: 'barred', severity: 'block', message: a.barred, related: [] });
  }
  for (const group of groupBy(ordered, (a) => a.orgId).values()) {
    if (limits.limitPerUnit === null || group.length <= limits.limitPerUnit) continue;
    const ids = group.map((a) => a.id);
    for (const a of group.slice(limits.limitPerUnit))
      add(a.id, {
        kind: 'over_unit_limit',
        severity: 'block',
        message: `本单位申报 ${group.length} 项，超过限项 ${limits.limitPerUnit} 项`,
        related: ids.filter((x) => x !== a.id),
      });
  }
  for (const group of groupBy(ordered, (a) => a.leaderPersonId).values()) {
    if (group.length < 2) continue;
    const ids = group.map((a) => a.id);
    const limit = limits.limitPerLeader;
    group.forEach((a, i) => {
      const related = ids.filter((x) => x !== a.id);
      if (limit !== null && i >= limit)
        add(a.id, {
          kind: 'over_leader_limit',
          severity: 'block',
          message: `同一负责人申报 ${group.length} 项，超过限项 ${limit} 项`,
          related,
        });
      else add(a.id, { kind: 'same_leader', severity: 'warn', message: `同一负责人在本批次还有 ${group.length - 1} 项申报`, related });
    });
  }
  for (const p of similarTitlePairs(
    ordered.map((a) => a.title),
    threshold,
  )) {
    const a = ordered[p.a] as CheckedApplication;
    const b = ordered[p.b] as CheckedApplication;
    const pct = Math.round(p.similarity * 100);
    add(a.id, { kind: 'duplicate_title', severity: 'warn', message: `与“${b.title}”题目相似度 ${pct}%`, related: [b.id] });
    add(b.id, { kind: 'duplicate_title', severity: 'warn', message: `与“${a.title}”题目相似度 ${pct}%`, related: [a.id] });
  }
  return findings;
}
