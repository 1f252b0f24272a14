import {
  indicatorLimits,
  ZComparison,
  ZComparisonQuery,
  ZIndicator,
  ZIndicatorCodeParams,
  ZIndicatorCreate,
  ZIndicatorExportQuery,
  ZIndicatorImportQuery,
  ZIndicatorImportResult,
  ZIndicatorUpdate,
  ZIndicatorValue,
  ZIndicatorValueHistory,
  ZIndicatorValueInput,
  ZIndicatorValueKey,
  ZIndicatorValueQuery,
  ZPlanTargetComparison,
  ZPlanTargetsQuery,
  ZProfileQuery,
  ZRanking,
  ZRankingQuery,
  ZRegionProfile,
  ZRegistrySyncInput,
  ZRegistrySyncResult,
  ZStProgressInput,
  ZStProgressResult,
} from '@kechuang/contracts';
import {
  compareRegions,
  createIndicator,
  deriveStProgress,
  exportValuesXlsx,
  getIndicator,
  importValues,
  indicatorRanking,
  listIndicators,
  listValues,
  planTargetsFor,
  recordValue,
  regionProfile,
  syncRegistryIndicators,
  updateIndicator,
  valueHistory,
} from '@kechuang/core';
import { z } from 'zod';
import { indicatorRunRoutes } from './indicator-runs.ts';
import type { Routes } from './types.ts';

const tags = ['indicator'];
export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Indicators: catalog, values with history, import/export, and the reads behind the views. */
export const indicatorRoutes: Routes = async (app) => {
  // Uploads arrive as the file's raw bytes (no multipart), up to the import's limit.
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: indicatorLimits.uploadBytes }, (_req, body, done) =>
    done(null, body),
  );

  app.get('/indicators', { schema: { tags, summary: '指标目录', response: { 200: z.array(ZIndicator) } } }, async (request) =>
    listIndicators(request.ctx),
  );
  app.post(
    '/indicators',
    { schema: { tags, summary: '新增本地指标（管理员）', body: ZIndicatorCreate, response: { 200: ZIndicator } } },
    async (request) => createIndicator(request.ctx, request.body),
  );
  app.get(
    '/indicators/:code',
    { schema: { tags, summary: '指标详情', params: ZIndicatorCodeParams, response: { 200: ZIndicator } } },
    async (request) => getIndicator(request.ctx, request.params.code),
  );
  app.patch(
    '/indicators/:code',
    {
      schema: {
        tags,
        summary: '修改指标（标准指标只能改名称、定义、口径说明和小数位）',
        params: ZIndicatorCodeParams,
        body: ZIndicatorUpdate,
        response: { 200: ZIndicator },
      },
    },
    async (request) => updateIndicator(request.ctx, request.params.code, request.body),
  );

  app.get(
    '/indicators/values',
    { schema: { tags, summary: '指标数值（当前版本）', querystring: ZIndicatorValueQuery, response: { 200: z.array(ZIndicatorValue) } } },
    async (request) => listValues(request.ctx, request.query),
  );
  app.post(
    '/indicators/values',
    { schema: { tags, summary: '录入或更正一个数值（保留历史版本）', body: ZIndicatorValueInput, response: { 200: ZIndicatorValue } } },
    async (request) => recordValue(request.ctx, request.body),
  );
  app.get(
    '/indicators/values/history',
    {
      schema: {
        tags,
        summary: '一个数值的全部版本（最新在前）',
        querystring: ZIndicatorValueKey,
        response: { 200: ZIndicatorValueHistory },
      },
    },
    async (request) => valueHistory(request.ctx, request.query),
  );
  app.post(
    '/indicators/values/import',
    {
      bodyLimit: indicatorLimits.uploadBytes,
      schema: {
        tags,
        summary:
          '导入指标数值（.xlsx 或 UTF-8 .csv 原始字节；列：指标代码、地区代码、期间、类型、数值、备注）。dryRun=true（默认）只校验；dryRun=false 全部通过才写入，否则 400 indicator/import_rows_invalid 并在 rowErrors 中列出',
        querystring: ZIndicatorImportQuery,
        response: { 200: ZIndicatorImportResult },
      },
    },
    async (request) => {
      const body = request.body;
      const bytes = Buffer.isBuffer(body) ? new Uint8Array(body) : new Uint8Array();
      return importValues(request.ctx, { bytes, dryRun: request.query.dryRun, filename: request.query.filename });
    },
  );
  app.get(
    '/indicators/values/export',
    { schema: { tags, summary: '导出指标数值（.xlsx，可重新导入）', querystring: ZIndicatorExportQuery, produces: [xlsxType] } },
    async (request, reply) => {
      const bytes = await exportValuesXlsx(request.ctx, request.query);
      return reply
        .type(xlsxType)
        .header('content-disposition', `attachment; filename="indicators.xlsx"; filename*=UTF-8''${encodeURIComponent('指标数据.xlsx')}`)
        .header('cache-control', 'no-store')
        .send(bytes);
    },
  );
  app.post(
    '/indicators/registry-sync',
    {
      schema: {
        tags,
        summary: '从企业库统计高新技术企业数、科技型中小企业数、高价值发明专利数（写入实际值）',
        body: ZRegistrySyncInput,
        response: { 200: ZRegistrySyncResult },
      },
    },
    async (request) => syncRegistryIndicators(request.ctx, request.body),
  );

  app.post(
    '/indicators/st-progress',
    {
      schema: {
        tags,
        summary: '测算科技进步贡献率（索洛余值法，α、β、测算期可设；save = true 时写入实际值）',
        body: ZStProgressInput,
        response: { 200: ZStProgressResult },
      },
    },
    async (request) => deriveStProgress(request.ctx, request.body),
  );

  app.get(
    '/indicators/profile',
    {
      schema: {
        tags,
        summary: '地区指标画像（历年实际、目标、基期与完成度）',
        querystring: ZProfileQuery,
        response: { 200: ZRegionProfile },
      },
    },
    async (request) => regionProfile(request.ctx, request.query),
  );
  app.get(
    '/indicators/ranking',
    { schema: { tags, summary: '下级地区单项指标排名', querystring: ZRankingQuery, response: { 200: ZRanking } } },
    async (request) => indicatorRanking(request.ctx, request.query),
  );
  app.get(
    '/indicators/comparison',
    { schema: { tags, summary: '多地区指标对比（含雷达图得分）', querystring: ZComparisonQuery, response: { 200: ZComparison } } },
    async (request) => compareRegions(request.ctx, request.query),
  );
  app.get(
    '/indicators/plan-targets',
    { schema: { tags, summary: '各计划对同一指标设定的目标', querystring: ZPlanTargetsQuery, response: { 200: ZPlanTargetComparison } } },
    async (request) => planTargetsFor(request.ctx, request.query),
  );

  await app.register(indicatorRunRoutes);
};
