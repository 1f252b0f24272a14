import { ZDrawConstraints } from '@kechuang/contracts';
import { describe, expect, it } from 'vitest';
import { type PoolExpert, runDraw } from './draw-engine.ts';
import { canonicalJson, poolChanges, snapshotHash } from './review.repository.ts';

const expert = (id: number, over: Partial<PoolExpert> = {}): PoolExpert => ({
  id,
  personId: 100 + id,
  name: `专家${id}`,
  idHash: null,
  regionCode: '430407',
  disciplines: ['520.10'],
  employments: [{ orgId: id, orgName: `单位${id}`, to: null }],
  relations: [],
  unavailable: [],
  quota: 20,
  used: 0,
  barred: null,
  ...over,
});
const pool = Array.from({ length: 12 }, (_, i) => expert(i + 1));

describe('the snapshot kept with a draw', () => {
  it('hashes the same whatever the key order the database gives back', () => {
    const reordered = JSON.parse(JSON.stringify(pool), (_k, v) =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
    ) as PoolExpert[];
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(pool));
    expect(canonicalJson(reordered)).toBe(canonicalJson(pool));
    expect(snapshotHash(reordered)).toBe(snapshotHash(pool));
  });

  it('reports an added, a removed and a changed expert, naming the changed attributes', () => {
    const now = [...pool.slice(1).map((e) => (e.id === 5 ? { ...e, employments: [], used: 3 } : e)), expert(99)];
    expect(poolChanges(pool, now)).toEqual([
      { expertId: 1, change: 'removed', fields: [] },
      { expertId: 5, change: 'changed', fields: ['employments', 'used'] },
      { expertId: 99, change: 'added', fields: [] },
    ]);
    expect(poolChanges(pool, pool)).toEqual([]);
  });

  it('gives the same panels from the stored record even after the pool changed, because the record keeps the snapshot', () => {
    const constraints = ZDrawConstraints.parse({ reviewFrom: '2026-06-10', reviewTo: '2026-06-12' });
    const subjects = [{ id: 1, regionCode: '430400', fieldCode: null, orgs: [], persons: [], avoid: [] }];
    const record = { seed: 'ab'.repeat(16), constraints, pool, subjects, batchPersons: [] };
    const drawn = runDraw(record);
    const stored = JSON.parse(JSON.stringify(record)) as typeof record;
    expect(runDraw(stored).panels).toEqual(drawn.panels);
    // drawing from a changed pool instead would not be the same record
    const changed = runDraw({ ...record, pool: pool.slice(1) });
    expect(changed.panels).not.toEqual(drawn.panels);
  });
});
