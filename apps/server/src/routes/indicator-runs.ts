import {
  ZEvaluationRun,
  ZEvaluationSchemeInput,
  ZEvaluationSchemeUpdate,
  ZJob,
  ZOk,
  ZRunCreate,
  ZRunIdParams,
  ZRunList,
  ZRunRegion,
  ZRunRegionParams,
  ZSchemeDeleteQuery,
  ZSchemeIdParams,
  ZSchemeList,
  ZSchemeListQuery,
  ZStoredScheme,
} from '@kechuang/contracts';
import {
  createRun,
  createScheme,
  deleteScheme,
  exportRunXlsx,
  getRun,
  getRunRegion,
  getScheme,
  listRuns,
  listSchemes,
  startEvaluationRun,
  updateScheme,
} from '@kechuang/core';
import type { Routes } from './types.ts';

const tags = ['indicator'];
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Evaluation schemes (科技创新综合考评) and their stored runs. */
export const indicatorRunRoutes: Routes = async (app) => {
  app.get(
    '/indicators/evaluations',
    { schema: { tags, summary: '评价方案列表', querystring: ZSchemeListQuery, response: { 200: ZSchemeList } } },
    async (request) => listSchemes(request.ctx, request.query),
  );
  app.post(
    '/indicators/evaluations',
    { schema: { tags, summary: '新建评价方案', body: ZEvaluationSchemeInput, response: { 200: ZStoredScheme } } },
    async (request) => createScheme(request.ctx, request.body),
  );
  app.get(
    '/indicators/evaluations/:schemeId',
    { schema: { tags, summary: '评价方案详情', params: ZSchemeIdParams, response: { 200: ZStoredScheme } } },
    async (request) => getScheme(request.ctx, request.params.schemeId),
  );
  app.put(
    '/indicators/evaluations/:schemeId',
    { schema: { tags, summary: '修改评价方案', params: ZSchemeIdParams, body: ZEvaluationSchemeUpdate, response: { 200: ZStoredScheme } } },
    async (request) => updateScheme(request.ctx, request.params.schemeId, request.body),
  );
  app.delete(
    '/indicators/evaluations/:schemeId',
    {
      schema: {
        tags,
        summary: '删除评价方案（连同其评价结果；version 不符返回 409）',
        params: ZSchemeIdParams,
        querystring: ZSchemeDeleteQuery,
        response: { 200: ZOk },
      },
    },
    async (request) => deleteScheme(request.ctx, request.params.schemeId, request.query.version),
  );
  app.post(
    '/indicators/evaluations/:schemeId/runs',
    {
      schema: {
        tags,
        summary: '按年度计算评价（得分、排名、进退位、梯队、权重敏感性），并保存结果',
        params: ZSchemeIdParams,
        body: ZRunCreate,
        response: { 200: ZEvaluationRun },
      },
    },
    async (request) => createRun(request.ctx, request.params.schemeId, request.body),
  );
  app.post(
    '/indicators/evaluations/:schemeId/runs/jobs',
    {
      schema: {
        tags,
        summary: '在后台计算评价：立即返回任务（202），GET /api/jobs/:id 查看进度，完成后结果中的 run 即保存的评价',
        params: ZSchemeIdParams,
        body: ZRunCreate,
        response: { 202: ZJob },
      },
    },
    async (request, reply) => reply.code(202).send(await startEvaluationRun(request.ctx, request.params.schemeId, request.body)),
  );
  app.get(
    '/indicators/evaluations/:schemeId/runs',
    { schema: { tags, summary: '方案的历次评价', params: ZSchemeIdParams, response: { 200: ZRunList } } },
    async (request) => listRuns(request.ctx, request.params.schemeId),
  );
  app.get(
    '/indicators/evaluation-runs/:runId',
    { schema: { tags, summary: '一次评价的完整结果', params: ZRunIdParams, response: { 200: ZEvaluationRun } } },
    async (request) => getRun(request.ctx, request.params.runId),
  );
  app.get(
    '/indicators/evaluation-runs/:runId/regions/:code',
    { schema: { tags, summary: '一个地区的得分明细', params: ZRunRegionParams, response: { 200: ZRunRegion } } },
    async (request) => getRunRegion(request.ctx, request.params.runId, request.params.code),
  );
  app.get(
    '/indicators/evaluation-runs/:runId/export',
    { schema: { tags, summary: '导出评价结果（.xlsx：排名、得分明细、方法说明）', params: ZRunIdParams, produces: [xlsxType] } },
    async (request, reply) => {
      const bytes = await exportRunXlsx(request.ctx, request.params.runId);
      return reply
        .type(xlsxType)
        .header(
          'content-disposition',
          `attachment; filename="evaluation-${request.params.runId}.xlsx"; filename*=UTF-8''${encodeURIComponent('评价结果.xlsx')}`,
        )
        .header('cache-control', 'no-store')
        .send(bytes);
    },
  );
};
