import { describe, expect, it } from 'vitest';
import { extractMetadata } from './metadata.ts';
import { createRegionResolver } from './region-resolver.ts';

const resolve = createRegionResolver();

describe('metadata', () => {
  it('reads a notice: number, issuer, date, region, year', () => {
    const m = extractMetadata('关于印发某方案的通知\n长政办发〔2021〕11号\n长沙市人民政府办公厅\n2021年2月19日\n正文', resolve);
    expect(m).toMatchObject({ docNumber: '长政办发〔2021〕11号', issuer: '长沙市人民政府办公厅', date: '2021-02-19', year: 2021 });
    expect(m.region).toEqual({ name: '长沙市', code: '430100', level: 'city' });
  });

  it('reads a web page header and a two-character county name', () => {
    const m = extractMetadata('2022年全县科技工作计划\n发文单位: 攸县科学技术局 发布时间: 2022-03-04', resolve);
    expect(m).toMatchObject({ issuer: '攸县科学技术局', date: '2022-03-04', year: 2022 });
    expect(m.region).toEqual({ name: '攸县', code: '430223', level: 'county' });
  });

  it('reads a period and a summary', () => {
    expect(extractMetadata('某市科技创新三年行动方案（2023—2025年）').period).toEqual({ from: 2023, to: 2025 });
    expect(extractMetadata('某市科技局2023年工作总结').kind).toBe('summary');
  });

  it('reads a title set on two lines, the issuer above the document name', () => {
    const m = extractMetadata('某市科学技术局\n2025年工作总结及2026年工作安排\n2025年，全市科技工作取得新进展。');
    expect(m).toMatchObject({ title: '某市科学技术局2025年工作总结及2026年工作安排', year: 2025, kind: 'summary' });
  });

  it('leaves an ambiguous place name unresolved rather than guessing', () => {
    expect(extractMetadata('朝阳区2024年科技工作要点', resolve).region).toBeNull();
  });

  it('works without a resolver', () => {
    expect(extractMetadata('2021年衡阳市科技创新工作要点').region).toEqual({ name: '衡阳市', code: null, level: 'city' });
  });
});
