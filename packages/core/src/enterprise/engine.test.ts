import { describe, expect, it } from 'vitest';
import { ZAssessmentResult } from '../../../contracts/src/enterprise.ts';
import { goodInput, parseInput } from './enterprise.factory.ts';
import { assessEnterprise, hnte2016, listRulePacks, selectPacks, techSme2017, techSme2022 } from './index.ts';
import type { HntePack } from './rule-packs/types.ts';

const at = '2026-06-01';

describe('assessEnterprise', () => {
  it('assesses a strong enterprise as likely for both programmes, with a result that matches the contract', () => {
    const result = assessEnterprise(parseInput(goodInput()), { at });
    expect(ZAssessmentResult.parse(result)).toEqual(result);
    expect(result.assessments.map((a) => [a.packId, a.outcome])).toEqual([
      ['hnte-2016', 'likely'],
      ['tech-sme-2022', 'likely'],
    ]);
    for (const a of result.assessments) for (const c of a.conditions) expect(c.status, c.id).toBe('met');
  });

  it('never says 认定通过', () => {
    const result = JSON.stringify(assessEnterprise(parseInput(goodInput()), { at }));
    expect(result).not.toContain('认定通过');
    expect(result).not.toContain('通过认定');
  });

  it('yields unknown, not unmet, for an enterprise that gave no data', () => {
    const result = assessEnterprise(parseInput({}), { at });
    for (const a of result.assessments) {
      expect(a.outcome).toBe('unknown');
      for (const c of a.conditions) expect(c.status, c.id).toBe('unknown');
      for (const c of a.conditions) expect(c.hint, c.id).toMatch(/请补充|待确定|预估/);
    }
  });

  it('cites a clause for every condition', () => {
    const result = assessEnterprise(parseInput(goodInput()), { at });
    for (const a of result.assessments) {
      for (const c of [...a.conditions, ...(a.directRoutes ?? [])]) expect(c.clause, c.id).toMatch(/〔20\d\d〕\d+号/);
    }
  });
});

describe('rule-pack selection by date', () => {
  it('uses 115号 alone between 2017-05-03 and 2021-12-31 and the 2022 guide from 2022-01-01', () => {
    expect(selectPacks('2017-05-02').map((p) => p.id)).toEqual(['hnte-2016']);
    expect(selectPacks('2017-05-03').map((p) => p.id)).toEqual(['hnte-2016', 'tech-sme-2017']);
    expect(selectPacks('2021-12-31').map((p) => p.id)).toEqual(['hnte-2016', 'tech-sme-2017']);
    expect(selectPacks('2022-01-01').map((p) => p.id)).toEqual(['hnte-2016', 'tech-sme-2022']);
  });

  it('has no HNTE pack before 2016-01-01 (the 2008 measures are not modelled)', () => {
    expect(selectPacks('2015-12-31')).toEqual([]);
    expect(selectPacks('2016-01-01').map((p) => p.id)).toEqual(['hnte-2016']);
  });

  it('prefers a regional pack for enterprises in its region only', () => {
    const local: HntePack = { ...hnte2016, id: 'hnte-2016-zj', regionCode: '33', effectiveFrom: '2020-01-01', minDaysRegistered: 400 };
    const packs = [hnte2016, local, techSme2022];
    expect(selectPacks(at, '330102', packs).map((p) => p.id)).toEqual(['hnte-2016-zj', 'tech-sme-2022']);
    expect(selectPacks(at, '110101', packs).map((p) => p.id)).toEqual(['hnte-2016', 'tech-sme-2022']);
    expect(selectPacks(at, undefined, packs).map((p) => p.id)).toEqual(['hnte-2016', 'tech-sme-2022']);
  });

  it('applies the thresholds of the pack it picked', () => {
    const strict: HntePack = { ...hnte2016, id: 'strict', effectiveFrom: '2026-01-01', techStaffRatio: '0.40' };
    const result = assessEnterprise(parseInput(goodInput()), { at, packs: [hnte2016, strict] });
    const hnte = result.assessments[0];
    expect(hnte?.packId).toBe('strict');
    expect(hnte?.conditions.find((c) => c.id === 'hnte.c4')?.status).toBe('unmet');
  });

  it('lists the packs with their effective dates and unverified notes', () => {
    const list = listRulePacks();
    expect(list.map((p) => p.id)).toEqual(['hnte-2016', 'tech-sme-2017', 'tech-sme-2022']);
    expect(list.every((p) => p.unverified.length > 0)).toBe(true);
    expect(techSme2017.effectiveTo).toBe('2021-12-31');
    expect(techSme2022.effectiveFrom).toBe('2022-01-01');
  });
});
