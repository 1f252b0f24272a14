import { describe, expect, it } from 'vitest';
import { allowedActions, allowedVerdicts, verdictFits } from './project-actions.ts';

const bureau = { manager: true, reader: true, applicant: false, recommender: false };
const unit = { manager: false, reader: false, applicant: true, recommender: false };
const viewer = { manager: false, reader: true, applicant: false, recommender: false };

describe('the project page offers only the steps the state machine allows', () => {
  it('lets both sides confirm the 任务书 while contracting, and ask for or decide changes', () => {
    expect(allowedActions('contracting', bureau)).toEqual(['confirmContract', 'decideChange']);
    expect(allowedActions('contracting', unit)).toEqual(['confirmContract', 'requestChange']);
    expect(allowedActions('contracting', viewer)).toEqual([]);
  });

  it('during execution: the bureau pays, checks, decides changes and may end; the unit reports, asks changes and acceptance', () => {
    expect(allowedActions('executing', bureau)).toEqual(['pay', 'midterm', 'decideChange', 'end']);
    expect(allowedActions('executing', unit)).toEqual(['report', 'requestChange', 'requestAcceptance']);
  });

  it('gives the acceptance to the bureau once requested or rectifying, and no step after a final status', () => {
    expect(allowedActions('acceptance_requested', bureau)).toContain('accept');
    expect(allowedActions('rectifying', bureau)).toContain('accept');
    expect(allowedActions('acceptance_requested', unit)).not.toContain('requestAcceptance');
    for (const s of ['passed', 'passed_after_rectification', 'concluded', 'failed', 'terminated', 'revoked'] as const) {
      expect(allowedActions(s, bureau)).toEqual([]);
      expect(allowedActions(s, unit)).toEqual([]);
    }
  });

  it('allows one rectification: after it only pass or fail', () => {
    expect(allowedVerdicts('acceptance_requested')).toEqual(['pass', 'conclude', 'rectify', 'fail']);
    expect(allowedVerdicts('rectifying')).toEqual(['pass', 'fail']);
    expect(allowedVerdicts('executing')).toEqual([]);
  });

  it('passes only when task and finance both pass; rectify and fail need a failed part', () => {
    expect(verdictFits('pass', 'pass', 'pass')).toBe(true);
    expect(verdictFits('pass', 'pass', 'fail')).toBe(false);
    expect(verdictFits('rectify', 'pass', 'pass')).toBe(false);
    expect(verdictFits('rectify', 'fail', 'pass')).toBe(true);
    expect(verdictFits('conclude', 'fail', 'fail')).toBe(true);
  });
});
