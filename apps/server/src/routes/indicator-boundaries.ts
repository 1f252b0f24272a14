import { regionBoundaryLimits, ZBoundaryRegionParams, ZBoundaryReport, ZBoundaryUploadQuery, ZRegionBoundary } from '@kechuang/contracts';
import { deleteRegionBoundary, getRegionBoundary, uploadRegionBoundary } from '@kechuang/core';
import { z } from 'zod';
import type { Routes } from './types.ts';

const tags = ['indicator'];
// a little room over the file limit, so that core answers indicator/boundary_too_large with the size
const bodyLimit = regionBoundaryLimits.uploadBytes + 1024 * 1024;

/** Boundary files for the indicator map (docs/decisions/0008-map-boundaries.md). */
export const indicatorBoundaryRoutes: Routes = async (app) => {
  // a .geojson file as raw bytes; a JSON body is parsed by Fastify's own parser
  for (const type of ['application/octet-stream', 'application/geo+json'])
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit }, (_req, body, done) => done(null, body));

  app.get(
    '/indicators/boundaries/:region',
    {
      schema: {
        tags,
        summary: '地区的下级边界数据（GeoJSON，由管理员上传）',
        params: ZBoundaryRegionParams,
        response: { 200: ZRegionBoundary },
      },
    },
    async (request) => getRegionBoundary(request.ctx, request.params.region),
  );
  app.post(
    '/indicators/boundaries/:region',
    {
      bodyLimit,
      schema: {
        tags,
        summary:
          '上传地区的下级边界（管理员；GeoJSON FeatureCollection，原始 JSON 或文件字节，上限 10 MB；每个要素的 adcode 或 code 为下级地区代码）。有要素不匹配时 400 indicator/boundary_features_invalid 并在 rowErrors 中列出；dryRun=true 只返回匹配报告',
        params: ZBoundaryRegionParams,
        querystring: ZBoundaryUploadQuery,
        response: { 200: ZBoundaryReport },
      },
    },
    async (request) => {
      const body: unknown = request.body;
      const bytes = Buffer.isBuffer(body) ? new Uint8Array(body) : undefined;
      const byteSize = bytes ? bytes.byteLength : Number(request.headers['content-length'] ?? 0);
      return uploadRegionBoundary(request.ctx, {
        regionCode: request.params.region,
        file: bytes ?? body,
        byteSize,
        note: request.query.note,
        dryRun: request.query.dryRun,
      });
    },
  );
  app.delete(
    '/indicators/boundaries/:region',
    {
      schema: {
        tags,
        summary: '删除地区的边界数据（管理员）',
        params: ZBoundaryRegionParams,
        response: { 200: z.object({ deleted: z.literal(true) }) },
      },
    },
    async (request) => deleteRegionBoundary(request.ctx, request.params.region),
  );
};
