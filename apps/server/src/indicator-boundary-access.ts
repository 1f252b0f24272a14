import type { TRole } from '@kechuang/contracts';
import type { InjectOptions } from 'fastify';
import type { TestApp } from './testing.ts';

/*
 * The boundary routes' rows of the access table (access.test.ts). "in" targets 衡阳 (430400, drawn by
 * its counties), "out" targets 武汉 (420100), outside everyone's scope. Readers: admin, planner, viewer;
 * upload and delete: admin. Each request first stores a boundary row directly, so reads and deletes
 * find one and a refusal is the policy's, not a 404.
 */
interface FxLike {
  t: TestApp;
  role: TRole;
}
type Req = (fx: FxLike) => Promise<InjectOptions> | InjectOptions;
interface EntryLike {
  in: TRole[];
  out?: TRole[];
  reqIn: Req;
  reqOut?: Req;
}

const readers: TRole[] = ['admin', 'planner', 'viewer'];

/** A square around (lng, lat) as a closed GeoJSON polygon. */
export function square(lng: number, lat: number, size = 0.1): number[][][] {
  return [
    [
      [lng, lat],
      [lng + size, lat],
      [lng + size, lat + size],
      [lng, lat + size],
      [lng, lat],
    ],
  ];
}

/**
 * A FeatureCollection with one square per child region of `parent`, as the region table lists them —
 * without the development zones (功能区, code xxxx7x), which official maps do not draw.
 */
export async function childSquares(t: TestApp, parent: string) {
  const children = await t.database.db
    .selectFrom('region')
    .select('code')
    .where('parent_code', '=', parent)
    .where('valid_to', 'is', null)
    .orderBy('code')
    .execute()
    .then((rows) => rows.filter((r) => r.code[4] !== '7'));
  return {
    type: 'FeatureCollection',
    features: children.map((c, i) => ({
      type: 'Feature',
      properties: { adcode: Number(c.code) },
      geometry: { type: 'Polygon', coordinates: square(112 + (i % 4) * 0.2, 26 + Math.floor(i / 4) * 0.2) },
    })),
  };
}

async function stored(t: TestApp, region: string): Promise<void> {
  const geojson = JSON.stringify(await childSquares(t, region));
  await t.database.db
    .insertInto('region_boundary')
    .values({ region_code: region, geojson, matched_codes: '[]', byte_size: geojson.length })
    .onConflict((oc) => oc.column('region_code').doNothing())
    .execute();
}

const getAfter = (region: string) => async (fx: FxLike) => {
  await stored(fx.t, region);
  return { method: 'GET' as const, url: `/api/indicators/boundaries/${region}` };
};
const deleteAfter = (region: string) => async (fx: FxLike) => {
  await stored(fx.t, region);
  return { method: 'DELETE' as const, url: `/api/indicators/boundaries/${region}` };
};
const post = (region: string) => async (fx: FxLike) => ({
  method: 'POST' as const,
  url: `/api/indicators/boundaries/${region}?note=${encodeURIComponent('访问测试')}`,
  payload: await childSquares(fx.t, region),
});

export function indicatorBoundaryAccessEntries(): Record<string, EntryLike> {
  return {
    'GET /api/indicators/boundaries/:region': { in: readers, out: [], reqIn: getAfter('430400'), reqOut: getAfter('420100') },
    'POST /api/indicators/boundaries/:region': { in: ['admin'], out: [], reqIn: post('430400'), reqOut: post('420100') },
    'DELETE /api/indicators/boundaries/:region': { in: ['admin'], out: [], reqIn: deleteAfter('430400'), reqOut: deleteAfter('420100') },
  };
}
