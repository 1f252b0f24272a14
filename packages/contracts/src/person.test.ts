import { describe, expect, it } from 'vitest';
import { idNumberCheckChar, isValidIdNumber, ZPersonInput } from './person.ts';

describe('居民身份证号码 (GB 11643-1999 check character)', () => {
  it('accepts a number whose 18th character is its check character, X included', () => {
    const first17 = '11010519491231002';
    expect(idNumberCheckChar(first17)).toBe('X');
    expect(isValidIdNumber(`${first17}X`)).toBe(true);
    expect(isValidIdNumber('430404198001011234')).toBe(idNumberCheckChar('43040419800101123') === '4');
  });
  it('refuses a wrong check character, a wrong length and letters inside', () => {
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('11010519491231002')).toBe(false);
    expect(isValidIdNumber('1101051949123100AX')).toBe(false);
  });
  it('reads a lower-case x and surrounding spaces as the same number', () => {
    expect(ZPersonInput.parse({ name: '张三', idNumber: ' 11010519491231002x ' }).idNumber).toBe('11010519491231002X');
    expect(ZPersonInput.safeParse({ name: '张三', idNumber: '110105194912310021' }).success).toBe(false);
  });
});
