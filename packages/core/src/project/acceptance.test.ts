import { projectStatuses, type TProjectStatus } from '@kechuang/contracts';
import { describe, expect, it } from 'vitest';
import { nextStatus, type ProjectEvent, projectEvents, rectificationDue, requireNext, verdictEvent } from './acceptance.ts';
import { fenToWan, wanToFen } from './money.ts';

// shared/docs/domain-rules.md §6.4: every allowed move, and nothing else
const allowed: Array<[TProjectStatus, ProjectEvent, TProjectStatus]> = [
  ['contracting', 'confirm_contract', 'executing'],
  ['executing', 'request_acceptance', 'acceptance_requested'],
  ['executing', 'terminate', 'terminated'],
  ['executing', 'revoke', 'revoked'],
  ['acceptance_requested', 'accept_pass', 'passed'],
  ['acceptance_requested', 'accept_conclude', 'concluded'],
  ['acceptance_requested', 'accept_fail', 'failed'],
  ['acceptance_requested', 'order_rectification', 'rectifying'],
  ['rectifying', 'accept_pass', 'passed_after_rectification'],
  ['rectifying', 'accept_fail', 'failed'],
];

describe('project state machine', () => {
  for (const [from, event, to] of allowed) {
    it(`allows ${event} from ${from} to ${to}`, () => {
      expect(nextStatus(from, event)).toBe(to);
    });
  }
  for (const from of projectStatuses) {
    for (const event of projectEvents) {
      if (allowed.some(([f, e]) => f === from && e === event)) continue;
      it(`refuses ${event} from ${from}`, () => {
        expect(nextStatus(from, event)).toBeNull();
        expect(() => requireNext(from, event, 1)).toThrow(expect.objectContaining({ code: 'project/invalid_transition' }));
      });
    }
  }
  it('gives a project one rectification only', () => {
    expect(nextStatus('rectifying', 'order_rectification')).toBeNull();
    expect(nextStatus('rectifying', 'accept_conclude')).toBeNull();
  });
  it('ends in final statuses with no way out', () => {
    for (const s of ['passed', 'passed_after_rectification', 'concluded', 'failed', 'terminated', 'revoked'] as const)
      expect(projectEvents.map((e) => nextStatus(s, e)).filter(Boolean)).toEqual([]);
  });
});

describe('acceptance verdicts', () => {
  it('passes only when both the task and the finance acceptance pass', () => {
    expect(verdictEvent('pass', { task: 'pass', finance: 'pass' })).toBe('accept_pass');
    expect(() => verdictEvent('pass', { task: 'pass', finance: 'fail' })).toThrow(
      expect.objectContaining({ code: 'project/invalid_verdict' }),
    );
    expect(() => verdictEvent('pass', { task: 'fail', finance: 'pass' })).toThrow(
      expect.objectContaining({ code: 'project/invalid_verdict' }),
    );
  });
  it('orders rectification or fails only when one of them failed', () => {
    expect(verdictEvent('rectify', { task: 'fail', finance: 'pass' })).toBe('order_rectification');
    expect(verdictEvent('fail', { task: 'pass', finance: 'fail' })).toBe('accept_fail');
    expect(() => verdictEvent('rectify', { task: 'pass', finance: 'pass' })).toThrow(
      expect.objectContaining({ code: 'project/invalid_verdict' }),
    );
    expect(() => verdictEvent('fail', { task: 'pass', finance: 'pass' })).toThrow(
      expect.objectContaining({ code: 'project/invalid_verdict' }),
    );
  });
  it('leaves 结题 to the bureau', () => {
    expect(verdictEvent('conclude', { task: 'fail', finance: 'pass' })).toBe('accept_conclude');
  });
});

describe('rectification deadline (three months after the notice)', () => {
  it('adds three calendar months', () => {
    expect(rectificationDue('2026-03-15')).toBe('2026-06-15');
    expect(rectificationDue('2026-10-31')).toBe('2027-01-31');
  });
  it('ends on the last day of a shorter month', () => {
    expect(rectificationDue('2026-11-30')).toBe('2027-02-28');
    expect(rectificationDue('2027-11-30')).toBe('2028-02-29');
    expect(rectificationDue('2026-05-31')).toBe('2026-08-31');
    expect(rectificationDue('2026-03-31')).toBe('2026-06-30');
  });
});

describe('money at the edges', () => {
  it('converts 分 to 万元 exactly', () => {
    expect(fenToWan(35_000_000_000)).toBe('35000');
    expect(fenToWan(1)).toBe('0.000001');
    expect(fenToWan(12_500_000n)).toBe('12.5');
    expect(fenToWan('0')).toBe('0');
  });
  it('reads 万元 with up to six decimals and nothing else', () => {
    expect(wanToFen('3500')).toBe(3_500_000_000);
    expect(wanToFen('0.000001')).toBe(1);
    expect(wanToFen('12.5')).toBe(12_500_000);
    expect(wanToFen('1.0000001')).toBeNull();
    expect(wanToFen('-1')).toBeNull();
    expect(wanToFen('1e3')).toBeNull();
  });
});
