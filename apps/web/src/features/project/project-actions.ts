import type { TProjectStatus } from '@kechuang/contracts';
import type { ProjectRoles } from './roles.ts';

/*
 * Which steps the project page offers, by status and side — the same state machine as
 * core/project/acceptance.ts (domain-rules §6.4), so a button never leads to project/invalid_transition:
 *   contracting → executing (both sides confirm the 任务书) → acceptance_requested → passed | concluded | failed | rectifying
 *   rectifying → passed_after_rectification | failed;  executing → terminated | revoked
 */
export type ProjectAction =
  | 'confirmContract'
  | 'pay'
  | 'report'
  | 'midterm'
  | 'requestChange'
  | 'decideChange'
  | 'requestAcceptance'
  | 'accept'
  | 'end';

export type Verdict = 'pass' | 'conclude' | 'rectify' | 'fail';

const running: TProjectStatus[] = ['executing', 'acceptance_requested', 'rectifying'];
/** changes (延期, 变更负责人, 调整预算) are asked for before and during execution and while rectifying */
const changeable: TProjectStatus[] = ['contracting', 'executing', 'rectifying'];

export function allowedActions(status: TProjectStatus, roles: ProjectRoles): ProjectAction[] {
  const out: ProjectAction[] = [];
  if (status === 'contracting' && (roles.manager || roles.applicant)) out.push('confirmContract');
  if (roles.manager && running.includes(status)) out.push('pay', 'midterm');
  if (roles.manager && changeable.includes(status)) out.push('decideChange');
  if (roles.applicant && running.includes(status)) out.push('report');
  if (roles.applicant && changeable.includes(status)) out.push('requestChange');
  if (roles.applicant && status === 'executing') out.push('requestAcceptance');
  if (roles.manager && (status === 'acceptance_requested' || status === 'rectifying')) out.push('accept');
  if (roles.manager && status === 'executing') out.push('end');
  return out;
}

/** The verdicts an acceptance round may reach: after the one rectification only 通过 (整改后通过) or 不通过. */
export function allowedVerdicts(status: TProjectStatus): Verdict[] {
  if (status === 'acceptance_requested') return ['pass', 'conclude', 'rectify', 'fail'];
  if (status === 'rectifying') return ['pass', 'fail'];
  return [];
}

/** 通过 needs both the task and the finance acceptance passed; 整改 and 不通过 need one of them failed. */
export function verdictFits(verdict: Verdict, task: 'pass' | 'fail', finance: 'pass' | 'fail'): boolean {
  const bothPass = task === 'pass' && finance === 'pass';
  if (verdict === 'pass') return bothPass;
  if (verdict === 'rectify' || verdict === 'fail') return !bothPass;
  return true;
}
