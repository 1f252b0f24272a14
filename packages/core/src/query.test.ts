import { describe, expect, it } from 'vitest';
import { totalFromPage } from './query.ts';

describe('totalFromPage', () => {
  it('takes the total from a first page that is not full', () => {
    expect(totalFromPage(3, { page: 1, pageSize: 20 })).toBe(3);
    expect(totalFromPage(0, { page: 1, pageSize: 20 })).toBe(0);
  });
  it('takes it from a partly filled later page', () => {
    expect(totalFromPage(5, { page: 3, pageSize: 20 })).toBe(45);
  });
  it('asks for a count after a full page or past the end', () => {
    expect(totalFromPage(20, { page: 1, pageSize: 20 })).toBeUndefined();
    expect(totalFromPage(20, { page: 4, pageSize: 20 })).toBeUndefined();
    expect(totalFromPage(0, { page: 9, pageSize: 20 })).toBeUndefined();
  });
});
