import {
  AppError,
  regionBoundaryLimits,
  regionContains,
  type TBoundaryIssue,
  type TBoundaryReport,
  type TRegionBoundary,
} from '@kechuang/contracts';
import { withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { reader } from '../reader.ts';
import { assertReadScope, requireCatalogAdmin, requireIndicatorReader } from './indicator.policy.ts';

/*
 * Boundary files for the indicator map (docs/decisions/0008-map-boundaries.md). The product ships no
 * boundary data; an admin uploads the bureau's approved GeoJSON for a parent region (a province or a
 * city) and each feature names one child region by `adcode` or `code`.
 */

type Position = [number, number];
interface StoredFeature {
  type: 'Feature';
  properties: { code: string; name: string };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}
interface Parsed {
  features: { index: number; code: string | null; geometry: StoredFeature['geometry'] }[];
}

const invalid = (reason: string, feature?: number): never => {
  throw new AppError(
    'indicator/boundary_invalid',
    feature === undefined ? { reason } : { reason, rowErrors: [{ sheet: 'features', row: feature, column: 'geometry', message: reason }] },
    reason,
  );
};
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Counts a ring's positions, or says what is wrong with it. */
function checkRing(ring: unknown, feature: number): number {
  if (!Array.isArray(ring) || ring.length < 4) invalid(`第 ${feature} 个要素的多边形环至少需要 4 个坐标点`, feature);
  const positions = ring as unknown[];
  for (const p of positions) {
    const ok =
      Array.isArray(p) &&
      p.length >= 2 &&
      typeof p[0] === 'number' &&
      typeof p[1] === 'number' &&
      Number.isFinite(p[0]) &&
      Number.isFinite(p[1]) &&
      Math.abs(p[0]) <= 180 &&
      Math.abs(p[1]) <= 90;
    if (!ok) invalid(`第 ${feature} 个要素含有无效坐标（应为 [经度, 纬度]，经度 −180～180，纬度 −90～90）`, feature);
  }
  const first = positions[0] as Position;
  const last = positions[positions.length - 1] as Position;
  if (first[0] !== last[0] || first[1] !== last[1]) invalid(`第 ${feature} 个要素的多边形环未闭合（首尾坐标应相同）`, feature);
  return positions.length;
}

function checkPolygon(rings: unknown, feature: number): number {
  if (!Array.isArray(rings) || rings.length === 0) invalid(`第 ${feature} 个要素的多边形坐标为空`, feature);
  return (rings as unknown[]).reduce<number>((n, r) => n + checkRing(r, feature), 0);
}

function featureCode(properties: unknown): string | null {
  if (!isObject(properties)) return null;
  const raw = properties.adcode ?? properties.code;
  if (typeof raw === 'number' && Number.isInteger(raw)) return String(raw);
  if (typeof raw === 'string' && raw.trim() !== '') return raw.trim();
  return null;
}

/** Bytes or an already-parsed JSON body → the features with their codes; malformed GeoJSON is refused. */
export function parseBoundaryFile(input: Uint8Array | unknown): Parsed {
  let doc: unknown = input;
  if (input instanceof Uint8Array) {
    if (input.byteLength > regionBoundaryLimits.uploadBytes)
      throw new AppError('indicator/boundary_too_large', { bytes: input.byteLength });
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input).replace(/^\uFEFF/, '');
    } catch {
      return invalid('文件不是 UTF-8 编码的文本');
    }
    try {
      doc = JSON.parse(text);
    } catch {
      return invalid('文件不是有效的 JSON');
    }
  }
  if (!isObject(doc) || doc.type !== 'FeatureCollection' || !Array.isArray(doc.features))
    return invalid('顶层应为 GeoJSON FeatureCollection（"type": "FeatureCollection"，含 features 数组）');
  const features = doc.features as unknown[];
  if (features.length === 0) invalid('要素集合为空');
  if (features.length > regionBoundaryLimits.features) invalid(`要素过多（上限 ${regionBoundaryLimits.features} 个）`);
  let positions = 0;
  const out: Parsed['features'] = features.map((f, i) => {
    const index = i + 1;
    if (!isObject(f) || f.type !== 'Feature') return invalid(`第 ${index} 个元素不是 GeoJSON 要素（"type": "Feature"）`, index);
    const g = f.geometry;
    if (!isObject(g) || (g.type !== 'Polygon' && g.type !== 'MultiPolygon'))
      return invalid(`第 ${index} 个要素的几何类型应为 Polygon 或 MultiPolygon`, index);
    if (g.type === 'Polygon') positions += checkPolygon(g.coordinates, index);
    else {
      if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) invalid(`第 ${index} 个要素的多面坐标为空`, index);
      for (const poly of g.coordinates as unknown[]) positions += checkPolygon(poly, index);
    }
    if (positions > regionBoundaryLimits.positions) throw new AppError('indicator/boundary_too_large', { positions });
    return { index, code: featureCode(f.properties), geometry: { type: g.type, coordinates: g.coordinates } };
  });
  return { features: out };
}

/** Matches the features against the parent's current child regions. */
export function matchBoundary(
  parent: { code: string; name: string },
  children: { code: string; name: string }[],
  parsed: Parsed,
): { report: Omit<TBoundaryReport, 'saved'>; features: StoredFeature[] } {
  const byCode = new Map(children.map((c) => [c.code, c]));
  const seen = new Map<string, number>();
  const unmatched: TBoundaryIssue[] = [];
  const features: StoredFeature[] = [];
  for (const f of parsed.features) {
    if (f.code === null) {
      unmatched.push({ feature: f.index, code: null, message: `第 ${f.index} 个要素缺少地区代码属性（adcode 或 code）` });
      continue;
    }
    const child = byCode.get(f.code);
    if (!child) {
      unmatched.push({ feature: f.index, code: f.code, message: `第 ${f.index} 个要素的地区代码“${f.code}”不是${parent.name}的下级地区` });
      continue;
    }
    const earlier = seen.get(f.code);
    if (earlier !== undefined) {
      unmatched.push({
        feature: f.index,
        code: f.code,
        message: `第 ${f.index} 个要素的地区代码“${f.code}”（${child.name}）与第 ${earlier} 个要素重复`,
      });
      continue;
    }
    seen.set(f.code, f.index);
    features.push({ type: 'Feature', properties: { code: child.code, name: child.name }, geometry: f.geometry });
  }
  const matched = children.filter((c) => seen.has(c.code)).map((c) => ({ code: c.code, name: c.name }));
  const missing: TBoundaryIssue[] = children
    .filter((c) => !seen.has(c.code))
    .map((c) => ({ feature: null, code: c.code, message: `下级地区“${c.name}”（${c.code}）在文件中没有对应的要素，地图上将留白` }));
  return {
    report: { regionCode: parent.code, regionName: parent.name, featureCount: parsed.features.length, matched, unmatched, missing },
    features,
  };
}

async function parentAndChildren(ctx: Ctx, regionCode: string) {
  const parent = await ctx.db.selectFrom('region').select(['code', 'name']).where('code', '=', regionCode).executeTakeFirst();
  if (!parent) throw new AppError('region/not_found', { code: regionCode });
  const children = await ctx.db
    .selectFrom('region')
    .select(['code', 'name'])
    .where('parent_code', '=', regionCode)
    .where('valid_to', 'is', null)
    .orderBy('code')
    .execute();
  return { parent, children };
}

export interface BoundaryUpload {
  regionCode: string;
  /** the raw file, or a JSON body already parsed by the server */
  file: Uint8Array | unknown;
  byteSize: number;
  note: string;
  dryRun: boolean;
}

/**
 * Checks a boundary file against the region's children and (unless dryRun) stores it, replacing any
 * earlier file of that region. Features without a matching child refuse the file (nothing written);
 * children without a feature are reported and leave a blank on the map.
 */
export async function uploadRegionBoundary(ctx: Ctx, input: BoundaryUpload): Promise<TBoundaryReport> {
  const actor = requireCatalogAdmin(ctx);
  if (!regionContains(actor.regionCode, input.regionCode)) throw new AppError('auth/out_of_scope', { region: input.regionCode });
  if (input.byteSize > regionBoundaryLimits.uploadBytes) throw new AppError('indicator/boundary_too_large', { bytes: input.byteSize });
  const { parent, children } = await parentAndChildren(ctx, input.regionCode);
  if (children.length === 0) throw new AppError('indicator/boundary_no_children', { region: input.regionCode });
  const { report, features } = matchBoundary(parent, children, parseBoundaryFile(input.file));
  if (input.dryRun) return { ...report, saved: false };
  if (report.unmatched.length > 0)
    throw new AppError('indicator/boundary_features_invalid', {
      rowErrors: report.unmatched.map((u) => ({ sheet: 'features', row: u.feature ?? 0, column: 'adcode', message: u.message })),
    });
  const matchedCodes = report.matched.map((m) => m.code);
  const row = {
    region_code: parent.code,
    geojson: JSON.stringify({ type: 'FeatureCollection', features }),
    matched_codes: JSON.stringify(matchedCodes),
    source_note: input.note.trim(),
    byte_size: input.byteSize,
    uploaded_by: actor.userId,
    uploaded_at: ctx.now(),
  };
  await withAudit(ctx, async (tx, record) => {
    const before = await tx
      .selectFrom('region_boundary')
      .select(['matched_codes', 'source_note', 'byte_size', 'uploaded_at'])
      .where('region_code', '=', parent.code)
      .executeTakeFirst();
    await tx
      .insertInto('region_boundary')
      .values(row)
      .onConflict((oc) =>
        oc.column('region_code').doUpdateSet({
          geojson: row.geojson,
          matched_codes: row.matched_codes,
          source_note: row.source_note,
          byte_size: row.byte_size,
          uploaded_by: row.uploaded_by,
          uploaded_at: row.uploaded_at,
        }),
      )
      .execute();
    record({
      action: 'indicator.boundary_upload',
      entityType: 'region_boundary',
      entityId: parent.code,
      regionCode: parent.code,
      before: before ?? null,
      after: { matchedCodes, missing: report.missing.map((m) => m.code), sourceNote: row.source_note, byteSize: row.byte_size },
    });
  });
  return { ...report, saved: true };
}

/** The stored boundary file of a region the reader may see. */
export async function getRegionBoundary(ctx: Ctx, regionCode: string): Promise<TRegionBoundary> {
  const actor = requireIndicatorReader(ctx);
  assertReadScope(actor, regionCode);
  const row = await reader(ctx)
    .selectFrom('region_boundary as b')
    .innerJoin('region as r', 'r.code', 'b.region_code')
    .leftJoin('app_user as u', 'u.id', 'b.uploaded_by')
    .select(['b.region_code', 'r.name', 'b.geojson', 'b.matched_codes', 'b.source_note', 'b.byte_size', 'u.username', 'b.uploaded_at'])
    .where('b.region_code', '=', regionCode)
    .executeTakeFirst();
  if (!row) throw new AppError('indicator/boundary_not_found', { region: regionCode });
  return {
    regionCode: row.region_code,
    regionName: row.name,
    geojson: row.geojson as TRegionBoundary['geojson'],
    matchedCodes: row.matched_codes as string[],
    sourceNote: row.source_note,
    byteSize: row.byte_size,
    uploadedBy: row.username,
    uploadedAt: (row.uploaded_at instanceof Date ? row.uploaded_at : new Date(row.uploaded_at)).toISOString(),
  };
}

/** Removes a region's boundary file (admin, in scope). */
export async function deleteRegionBoundary(ctx: Ctx, regionCode: string): Promise<{ deleted: true }> {
  const actor = requireCatalogAdmin(ctx);
  if (!regionContains(actor.regionCode, regionCode)) throw new AppError('auth/out_of_scope', { region: regionCode });
  await withAudit(ctx, async (tx, record) => {
    const gone = await tx
      .deleteFrom('region_boundary')
      .where('region_code', '=', regionCode)
      .returning(['matched_codes', 'source_note', 'byte_size'])
      .executeTakeFirst();
    if (!gone) throw new AppError('indicator/boundary_not_found', { region: regionCode });
    record({ action: 'indicator.boundary_delete', entityType: 'region_boundary', entityId: regionCode, regionCode, before: gone });
  });
  return { deleted: true };
}
