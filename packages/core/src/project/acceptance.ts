import { AppError, type TProjectStatus } from '@kechuang/contracts';

/*
 * The project's life after 立项, as a state machine (shared/docs/domain-rules.md §6.4):
 *   contracting (立项, 任务书 to be confirmed) → executing (执行中, 中期检查 inside it) → acceptance_requested (申请验收)
 *   → passed (通过) | concluded (结题) | failed (不通过) | rectifying (整改中: one chance, three months)
 *   rectifying → passed_after_rectification (整改后通过) | failed (不通过)
 *   executing → terminated (终止) | revoked (撤销)
 * National rule (国家科技重大专项验收管理, 第三十二–三十四条): the project passes only when both the task
 * acceptance and the financial acceptance pass; a project has in principle one rectification, to be finished
 * within three months of the notice, after which it passes (整改后通过) or fails.
 */

export type ProjectEvent =
  | 'confirm_contract'
  | 'request_acceptance'
  | 'accept_pass'
  | 'accept_conclude'
  | 'accept_fail'
  | 'order_rectification'
  | 'terminate'
  | 'revoke';

const moves: Record<string, Partial<Record<ProjectEvent, TProjectStatus>>> = {
  contracting: { confirm_contract: 'executing' },
  executing: { request_acceptance: 'acceptance_requested', terminate: 'terminated', revoke: 'revoked' },
  acceptance_requested: { accept_pass: 'passed', accept_conclude: 'concluded', accept_fail: 'failed', order_rectification: 'rectifying' },
  rectifying: { accept_pass: 'passed_after_rectification', accept_fail: 'failed' },
};

export const projectEvents: ProjectEvent[] = [
  'confirm_contract',
  'request_acceptance',
  'accept_pass',
  'accept_conclude',
  'accept_fail',
  'order_rectification',
  'terminate',
  'revoke',
];

/** The status an event leads to, or null when the event is not allowed in the status. */
export function nextStatus(status: TProjectStatus, event: ProjectEvent): TProjectStatus | null {
  return moves[status]?.[event] ?? null;
}

export function requireNext(status: TProjectStatus, event: ProjectEvent, id: number): TProjectStatus {
  const next = nextStatus(status, event);
  if (!next) throw new AppError('project/invalid_transition', { id, status, event });
  return next;
}

export type Verdict = 'pass' | 'conclude' | 'rectify' | 'fail';

/**
 * The acceptance event a verdict stands for, checked against the two results: 通过 needs both the task and
 * the finance acceptance passed; 整改 and 不通过 need at least one of them failed; 结题 is the bureau's call
 * on a first round (targets partly met for objective reasons, funds used compliantly).
 */
export function verdictEvent(verdict: Verdict, results: { task: 'pass' | 'fail'; finance: 'pass' | 'fail' }): ProjectEvent {
  const bothPass = results.task === 'pass' && results.finance === 'pass';
  switch (verdict) {
    case 'pass':
      if (!bothPass) throw new AppError('project/invalid_verdict', { verdict, ...results });
      return 'accept_pass';
    case 'rectify':
    case 'fail':
      if (bothPass) throw new AppError('project/invalid_verdict', { verdict, ...results });
      return verdict === 'rectify' ? 'order_rectification' : 'accept_fail';
    case 'conclude':
      return 'accept_conclude';
  }
}

/** The rectification deadline: three calendar months after the notice, on the last day of a shorter month. */
export function rectificationDue(noticeOn: string): string {
  const [y, m, d] = noticeOn.split('-').map(Number) as [number, number, number];
  const total = m - 1 + 3;
  const year = y + Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
