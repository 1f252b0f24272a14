import type { TOrgKind, TRole } from '@kechuang/contracts';
import { describe, expect, it } from 'vitest';
import { noCache } from '../cache.ts';
import type { Ctx } from '../context.ts';
import { abilitiesOf } from './abilities.ts';

function ctxOf(roles: TRole[], orgKind: TOrgKind = 'bureau'): Ctx {
  return {
    actor: { userId: 1, username: 'u', orgId: 1, orgKind, regionCode: '430400', roles },
    now: () => new Date(),
    cache: noCache,
  } as unknown as Ctx;
}

describe('what the menu offers each role', () => {
  it('gives a planner the bureau’s modules and actions, without administration', () => {
    const a = abilitiesOf(ctxOf(['planner']));
    expect(a.modules).toEqual([
      'plans',
      'indicators',
      'enterprises',
      'projects',
      'experts',
      'review',
      'integrity',
      'techmarket',
      'platforms',
      'talent',
      'vouchers',
    ]);
    expect(a.actions).toMatchObject({ planImport: true, planManage: true, indicatorWrite: true, registryWrite: true, catalogAdmin: false });
  });

  it('gives a reporter of a county government its tasks only', () => {
    const a = abilitiesOf(ctxOf(['reporter'], 'government'));
    expect(a.modules).toEqual(['myTasks']);
    expect(Object.entries(a.actions).filter(([, v]) => v)).toEqual([['report', true]]);
  });

  it('gives an enterprise its own record, projects and the technology market, never the region’s registry', () => {
    const a = abilitiesOf(ctxOf(['enterprise'], 'enterprise'));
    expect(a.modules).toEqual(['enterprises', 'projects', 'techmarket', 'platforms', 'vouchers']);
    expect(a.actions).toMatchObject({ ownEnterprise: true, registryRead: false, registryWrite: false, planRead: false });
  });

  it('gives an expert the pool (own entry) and the reviews, and a viewer read-only modules', () => {
    expect(abilitiesOf(ctxOf(['expert'])).modules).toEqual(['experts', 'review']);
    const v = abilitiesOf(ctxOf(['viewer']));
    expect(v.modules).toContain('plans');
    expect(v.actions).toMatchObject({ planRead: true, planManage: false, indicatorWrite: false, registryRead: true, registryWrite: false });
  });

  it('adds administration for an admin', () => {
    expect(abilitiesOf(ctxOf(['admin'])).modules).toContain('admin');
  });
});
