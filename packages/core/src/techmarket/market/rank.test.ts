import { describe, expect, it } from 'vitest';
import { nearness, RankIndex } from './rank.ts';
import { entryTerms, initialsOf, termsOf } from './text.ts';

const doc = (id: number, terms: string[], fieldCode = 'f1', regionCode = '430408') => ({ id, terms, fieldCode, regionCode });

describe('market words', () => {
  it('segments for search (a word and its parts) and drops single characters, numbers and listing boilerplate', () => {
    const t = termsOf('需要废旧锂电池回收技术，回收率95%，寻求合作');
    expect(t).toEqual(expect.arrayContaining(['锂电', '电池', '锂电池', '回收', '废旧']));
    for (const dropped of ['需要', '技术', '寻求', '合作', '95', '%', '，']) expect(t).not.toContain(dropped);
    expect(termsOf('PLC与DCS控制器')).toEqual(expect.arrayContaining(['plc', 'dcs', '控制器']));
  });

  it('weighs an entry’s title and keywords above its body', () => {
    const t = entryTerms({ title: '光谱仪', keywords: ['拉曼'], body: '光谱仪用于检测' });
    expect(t.filter((x) => x === '光谱仪').length).toBe(3);
    expect(t.filter((x) => x === '检测').length).toBe(1);
  });

  it('gives pinyin initials of a title', () => {
    expect(initialsOf('高精度光谱仪')).toBe('gjdgpy');
    expect(initialsOf('5G基站')).toBe('5gjz');
  });
});

describe('BM25 with field and region boosts', () => {
  // 设备 and 系统 are in most documents, 铊 in one: one rare shared word outweighs two common ones
  const docs = [
    doc(1, ['含铊', '废水', '处理']),
    doc(2, ['设备', '系统', '监测']),
    doc(3, ['设备', '系统', '控制']),
    doc(4, ['设备', '系统', '平台']),
    doc(5, ['设备', '材料']),
  ];
  const index = new RankIndex(docs);
  const q = { terms: ['含铊', '设备', '系统'], fieldCode: null, regionCode: null };

  it('ranks a rare shared word above common ones, where plain overlap does the opposite', () => {
    expect(index.bm25(q, 5)[0]?.id).toBe(1);
    expect(index.overlap(q, 5)[0]?.id).toBe(2);
    expect(index.overlap(q, 5).find((r) => r.id === 1)?.score).toBe(1);
  });

  it('returns only documents sharing a word, with the shared words, rarest first', () => {
    const r = index.bm25({ terms: ['含铊', '废水'], fieldCode: null, regionCode: null }, 10);
    expect(r.map((x) => x.id)).toEqual([1]);
    expect(index.bm25({ terms: ['无关'], fieldCode: null, regionCode: null }, 10)).toEqual([]);
    expect(index.bm25(q, 5)[0]?.sharedTerms[0]).toBe('含铊');
  });

  it('lets the same field and a nearer region reorder equal texts, and reports them', () => {
    const twins = new RankIndex([
      doc(1, ['光谱', '检测'], 'other', '110101'),
      doc(2, ['光谱', '检测'], 'f1', '110101'),
      doc(3, ['光谱', '检测'], 'other', '430408'),
    ]);
    const r = twins.bm25({ terms: ['光谱'], fieldCode: 'f1', regionCode: '430407' }, 3);
    expect(r.map((x) => x.id)).toEqual([2, 3, 1]);
    expect(r[0]).toMatchObject({ sameField: true, region: null });
    expect(r[1]).toMatchObject({ sameField: false, region: 'city' });
    const noBoost = twins.bm25({ terms: ['光谱'], fieldCode: 'f1', regionCode: '430407' }, 3, {
      k1: 1.2,
      b: 0.75,
      fieldBoost: 0,
      regionBoost: 0,
    });
    expect(noBoost.map((x) => x.id)).toEqual([1, 2, 3]);
  });

  it('tells how near two regions are', () => {
    expect(nearness('430408', '430408')).toBe('county');
    expect(nearness('430408', '430481')).toBe('city');
    expect(nearness('430408', '430104')).toBe('province');
    expect(nearness('430408', '420106')).toBeNull();
  });
});
