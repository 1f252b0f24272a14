import { describe, expect, it } from 'vitest';
import { errorCatalog } from './errors.ts';
import { regionContains, regionPrefix } from './region.ts';
import { isValidUscc, usccCheckChar } from './uscc.ts';

describe('统一社会信用代码 (GB 32100)', () => {
  it('accepts codes whose check character is right', () => {
    // 91350100M000100Y43 is the example code printed in GB 32100-2015
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
    expect(isValidUscc('91430408MA4L16XK37')).toBe(true);
  });
  it('refuses a wrong check character, letters outside the alphabet and wrong lengths', () => {
    expect(isValidUscc('91350100M000100Y44')).toBe(false);
    expect(isValidUscc('91350100M000100I43')).toBe(false); // I is not in the alphabet
    expect(isValidUscc('91350100M000100Y4')).toBe(false);
    expect(isValidUscc('')).toBe(false);
  });
});

describe('region subtree by code prefix', () => {
  it('strips the zero pairs of province and prefecture codes', () => {
    expect(regionPrefix('430000')).toBe('43');
    expect(regionPrefix('430400')).toBe('4304');
    expect(regionPrefix('430481')).toBe('430481');
  });
  it('contains itself and its descendants only', () => {
    expect(regionContains('430400', '430481')).toBe(true);
    expect(regionContains('430400', '430400')).toBe(true);
    expect(regionContains('430000', '430481')).toBe(true);
    expect(regionContains('430400', '430100')).toBe(false);
    expect(regionContains('430481', '430400')).toBe(false);
  });
});

describe('error catalog', () => {
  it('gives every code a 4xx/5xx status and a zh-CN title', () => {
    for (const [code, e] of Object.entries(errorCatalog)) {
      expect(code).toMatch(/^[a-z]+\/[a-z_]+$/);
      expect(e.status).toBeGreaterThanOrEqual(400);
      expect(e.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
