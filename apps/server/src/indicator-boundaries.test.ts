import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childSquares, square } from './indicator-boundary-access.ts';
import { type Client, createTestApp, type TestApp } from './testing.ts';

let t: TestApp;
let admin: Client;
let planner: Client;
let province: Client;

type Fc = Awaited<ReturnType<typeof childSquares>>;
const url = (region: string, query = '') => `/api/indicators/boundaries/${region}${query}`;
const put = (client: Client, region: string, payload: unknown, query = '') =>
  client.request({ method: 'POST', url: url(region, query), payload: payload as object });
const bytes = (client: Client, region: string, body: Buffer | string, query = '') =>
  client.request({ method: 'POST', url: url(region, query), headers: { 'content-type': 'application/octet-stream' }, payload: body });
const audits = async () =>
  (await t.database.db.selectFrom('audit_log').select('action').where('action', 'like', 'indicator.boundary%').execute()).length;
const stored = async (region: string) =>
  t.database.db.selectFrom('region_boundary').selectAll().where('region_code', '=', region).executeTakeFirst();

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  planner = await t.login('planner');
  province = await t.login('province');
});
afterAll(async () => {
  await t.close();
});

describe('region boundaries', () => {
  let hengyang: Fc;
  beforeAll(async () => {
    hengyang = await childSquares(t, '430400');
  });

  it("draws 衡阳's 12 counties (its 3 development zones have no official boundary)", () => {
    expect(hengyang.features).toHaveLength(12);
  });

  it('a dry run reports the match and writes nothing', async () => {
    const res = await put(admin, '430400', hengyang, '?dryRun=true');
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report.saved).toBe(false);
    expect(report.matched).toHaveLength(12);
    expect(report.matched.map((m: { name: string }) => m.name)).toContain('耒阳市');
    expect(report.unmatched).toEqual([]);
    expect(report.missing.map((m: { code: string }) => m.code)).toEqual(['430471', '430472', '430473']);
    expect(await stored('430400')).toBeUndefined();
  });

  it('stores a file whose codes are strings in `code`, reports children without a feature, and audits', async () => {
    const before = await audits();
    const partial = {
      type: 'FeatureCollection',
      features: hengyang.features.slice(0, 10).map((f) => ({ ...f, properties: { code: String(f.properties.adcode), name: 'x' } })),
    };
    const res = await put(admin, '430400', partial, `?note=${encodeURIComponent('湘S〔2024〕001号')}`);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report.saved).toBe(true);
    expect(report.matched).toHaveLength(10);
    expect(report.missing).toHaveLength(5);
    expect(report.missing[0].message).toMatch(/没有对应的要素/);
    expect(await audits()).toBe(before + 1);

    const got = await province.request({ method: 'GET', url: url('430400') });
    expect(got.statusCode, got.body).toBe(200);
    const boundary = got.json();
    expect(boundary.sourceNote).toBe('湘S〔2024〕001号');
    expect(boundary.uploadedBy).toBe('admin');
    expect(boundary.matchedCodes).toHaveLength(10);
    // stored features are normalised: the matched code and the region's own name
    expect(boundary.geojson.features[0].properties.code).toBe(boundary.matchedCodes[0]);
    expect(boundary.geojson.features[0].properties.name).not.toBe('x');
  });

  it('replaces the file on a new upload of raw bytes (with a BOM)', async () => {
    const res = await bytes(admin, '430400', `\uFEFF${JSON.stringify(hengyang)}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().missing).toHaveLength(3);
    const got = await planner.request({ method: 'GET', url: url('430400') });
    expect(got.json().matchedCodes).toHaveLength(12);
  });

  it('refuses features that are not children, lack a code or repeat one — nothing written', async () => {
    const before = await stored('430400');
    const auditsBefore = await audits();
    const bad = {
      type: 'FeatureCollection',
      features: [
        ...hengyang.features.slice(0, 3),
        { type: 'Feature', properties: { adcode: 430100 }, geometry: { type: 'Polygon', coordinates: square(113, 28) } },
        { type: 'Feature', properties: { name: '无代码' }, geometry: { type: 'Polygon', coordinates: square(113, 27) } },
        hengyang.features[0],
      ],
    };
    const dry = await put(admin, '430400', bad, '?dryRun=true');
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json().unmatched.map((u: { feature: number }) => u.feature)).toEqual([4, 5, 6]);
    expect(dry.json().missing).toHaveLength(12);

    const res = await put(admin, '430400', bad);
    expect(res.statusCode, res.body).toBe(400);
    const problem = res.json();
    expect(problem.code).toBe('indicator/boundary_features_invalid');
    expect(problem.rowErrors.map((r: { row: number }) => r.row)).toEqual([4, 5, 6]);
    expect(problem.rowErrors[0].message).toMatch(/430100.*不是衡阳市的下级地区/);
    expect(problem.rowErrors[1].message).toMatch(/缺少地区代码/);
    expect(problem.rowErrors[2].message).toMatch(/重复/);
    expect(await stored('430400')).toEqual(before);
    expect(await audits()).toBe(auditsBefore);
  });

  it.each([
    ['not JSON', Buffer.from('{"type": "FeatureCollection", '), /不是有效的 JSON/],
    ['not UTF-8', Buffer.from([0xff, 0xfe, 0x00, 0x7b]), /UTF-8/],
    ['a bare geometry', JSON.stringify({ type: 'Polygon', coordinates: square(112, 26) }), /FeatureCollection/],
    ['no features', JSON.stringify({ type: 'FeatureCollection', features: [] }), /为空/],
    [
      'a point',
      JSON.stringify({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: { adcode: 430405 }, geometry: { type: 'Point', coordinates: [112, 26] } }],
      }),
      /Polygon 或 MultiPolygon/,
    ],
    [
      'an open ring',
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: {},
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [112, 26],
                  [113, 26],
                  [113, 27],
                  [112, 27],
                ],
              ],
            },
          },
        ],
      }),
      /未闭合/,
    ],
    [
      'latitude out of range',
      JSON.stringify({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: [square(112, 95)] } }],
      }),
      /无效坐标/,
    ],
  ])('refuses malformed GeoJSON: %s', async (_name, body, message) => {
    const res = await bytes(admin, '430400', body);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().code).toBe('indicator/boundary_invalid');
    expect(res.json().detail).toMatch(message);
  });

  it('refuses a file over 10 MB', async () => {
    const res = await bytes(admin, '430400', Buffer.alloc(10 * 1024 * 1024 + 10, 0x20));
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json().code).toBe('indicator/boundary_too_large');
  });

  it('refuses a region without children', async () => {
    const res = await put(admin, '430481', hengyang);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().code).toBe('indicator/boundary_no_children');
  });

  it('only an admin uploads and deletes, within scope; readers within scope', async () => {
    expect((await put(planner, '430400', hengyang)).statusCode).toBe(403);
    expect((await put(admin, '420100', hengyang)).json().code).toBe('auth/out_of_scope');
    expect((await planner.request({ method: 'DELETE', url: url('430400') })).statusCode).toBe(403);
    const reporter = await t.login('reporter.leiyang');
    expect((await reporter.request({ method: 'GET', url: url('430400') })).statusCode).toBe(403);
  });

  it('deletes (audited), then reads 404', async () => {
    const before = await audits();
    const res = await admin.request({ method: 'DELETE', url: url('430400') });
    expect(res.statusCode, res.body).toBe(200);
    expect(await audits()).toBe(before + 1);
    const got = await admin.request({ method: 'GET', url: url('430400') });
    expect(got.statusCode).toBe(404);
    expect(got.json().code).toBe('indicator/boundary_not_found');
    expect((await admin.request({ method: 'DELETE', url: url('430400') })).statusCode).toBe(404);
  });
});
