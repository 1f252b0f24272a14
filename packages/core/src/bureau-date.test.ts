import { describe, expect, it } from 'vitest';
import { bureauDate } from './bureau-date.ts';
import type { Ctx } from './context.ts';
import { assessPosted } from './enterprise/assess-request.ts';
import { goodInput, parseInput } from './enterprise/enterprise.factory.ts';

describe('bureauDate', () => {
  it('turns over at midnight Beijing time (16:00 UTC), not at UTC midnight', () => {
    expect(bureauDate(new Date('2026-12-31T15:59:59.999Z'))).toBe('2026-12-31');
    expect(bureauDate(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(bureauDate(new Date('2027-01-01T07:59:00Z'))).toBe('2027-01-01');
    expect(bureauDate(new Date('2024-02-28T16:00:00Z'))).toBe('2024-02-29');
  });

  it('is the default assessment date: the early hours of a Beijing day count as that day', () => {
    const ctx = {
      actor: { userId: 1, username: 'x', orgId: 1, regionCode: '430400', roles: ['enterprise'] },
      now: () => new Date('2026-06-30T17:30:00Z'), // 01:30 on 1 July in Beijing
    } as unknown as Ctx;
    const result = assessPosted(ctx, { input: parseInput(goodInput()) });
    expect(result.at).toBe('2026-07-01');
  });
});
