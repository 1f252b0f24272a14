import { describe, expect, it } from 'vitest';
import { monthRows } from './contract-month.ts';

describe('the monthly sums a contract adds to', () => {
  it('counts a county under its city and its city under the province', () => {
    expect(monthRows('430408')).toEqual([
      { parent: '430400', region: '430408' },
      { parent: '430000', region: '430400' },
    ]);
  });

  it('counts a contract at a city’s own code as the city’s 本级 and under the province; a province’s under itself', () => {
    expect(monthRows('430400')).toEqual([
      { parent: '430400', region: '430400' },
      { parent: '430000', region: '430400' },
    ]);
    expect(monthRows('430000')).toEqual([{ parent: '430000', region: '430000' }]);
  });
});
