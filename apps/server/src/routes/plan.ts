import {
  planLimits,
  ZIdParams,
  ZJob,
  ZPlanCreate,
  ZPlanDetail,
  ZPlanImportQuery,
  ZPlanImportResult,
  ZPlanImportText,
  ZPlanListQuery,
  ZPlanPage,
} from '@kechuang/contracts';
import { createPlanOrJob, getPlan, importPlanDocument, importPlanText, listPlans } from '@kechuang/core';
import type { Routes } from './types.ts';

const tags = ['plan'];

export const planRoutes: Routes = async (app) => {
  // Uploads arrive as the file's raw bytes (no multipart), up to the importer's limit.
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: planLimits.uploadBytes }, (_req, body, done) =>
    done(null, body),
  );

  app.post(
    '/plans/import',
    {
      bodyLimit: planLimits.uploadBytes,
      schema: {
        tags,
        summary: '上传工作要点文档（.docx/.pdf/.html/.txt，原始字节），返回识别草稿，不保存',
        querystring: ZPlanImportQuery,
        response: { 200: ZPlanImportResult },
      },
    },
    async (request) => {
      const body = request.body;
      const bytes = Buffer.isBuffer(body) ? new Uint8Array(body) : new Uint8Array();
      return importPlanDocument(request.ctx, { bytes, filename: request.query.filename });
    },
  );
  app.post(
    '/plans/import/text',
    {
      bodyLimit: planLimits.textChars * 4,
      schema: { tags, summary: '粘贴文字识别工作要点，返回草稿，不保存', body: ZPlanImportText, response: { 200: ZPlanImportResult } },
    },
    async (request) => importPlanText(request.ctx, request.body),
  );
  app.post(
    '/plans',
    {
      bodyLimit: planLimits.textChars * 4,
      schema: {
        tags,
        summary:
          '确认创建工作计划（含任务树与指标）。节点与指标合计超过 500 时作为后台任务分批写入，立即返回 202 与任务（GET /api/jobs/:id 查看进度，结果 { plan }），完成前计划不可见',
        body: ZPlanCreate,
        response: { 200: ZPlanDetail, 202: ZJob },
      },
    },
    async (request, reply) => {
      const out = await createPlanOrJob(request.ctx, request.body);
      return 'job' in out ? reply.code(202).send(out.job) : out.plan;
    },
  );
  app.get(
    '/plans',
    { schema: { tags, summary: '工作计划列表', querystring: ZPlanListQuery, response: { 200: ZPlanPage } } },
    async (request) => listPlans(request.ctx, request.query),
  );
  app.get('/plans/:id', { schema: { tags, summary: '工作计划详情', params: ZIdParams, response: { 200: ZPlanDetail } } }, async (request) =>
    getPlan(request.ctx, request.params.id),
  );
};
