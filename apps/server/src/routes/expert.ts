import {
  ZExpert,
  ZExpertImportQuery,
  ZExpertImportResult,
  ZExpertInput,
  ZExpertListQuery,
  ZExpertPage,
  ZExpertSelfInput,
  ZExpertTransition,
  ZIdParams,
  ZMyExpert,
  ZRelationsUpdate,
  ZUnavailableUpdate,
} from '@kechuang/contracts';
import {
  createExpert,
  expertImportLimits,
  expertImportTemplateXlsx,
  exportExpertsXlsx,
  getExpert,
  getMyExpert,
  importExpertsXlsx,
  listExperts,
  saveMyExpert,
  saveMyRelations,
  saveMyUnavailable,
  transitionExpert,
  updateExpert,
} from '@kechuang/core';
import { sendDownload } from './download.ts';
import type { Routes } from './types.ts';

const tags = ['expert'];
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 评审专家库: the bureau's pool, its import and export, and an expert's own entry. */
export const expertRoutes: Routes = async (app) => {
  // the import arrives as the file's raw bytes (no multipart)
  for (const type of ['application/octet-stream', xlsxType])
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: expertImportLimits.bytes + 1024 }, (_req, body, done) =>
      done(null, body),
    );
  app.get(
    '/experts',
    {
      schema: {
        tags,
        summary: '专家库（按状态、学科、行业、地区、姓名/单位/研究方向检索）',
        querystring: ZExpertListQuery,
        response: { 200: ZExpertPage },
      },
    },
    async (request) => listExperts(request.ctx, request.query),
  );
  app.get(
    '/experts/export',
    { schema: { tags, summary: '导出专家库（.xlsx，列同导入模板）', querystring: ZExpertListQuery, produces: [xlsxType] } },
    async (request, reply) =>
      sendDownload(reply, {
        bytes: await exportExpertsXlsx(request.ctx, request.query),
        type: xlsxType,
        asciiName: 'experts.xlsx',
        name: '专家库.xlsx',
      }),
  );
  app.get(
    '/experts/import-template',
    { schema: { tags, summary: '专家导入模板（.xlsx）', produces: [xlsxType] } },
    async (request, reply) =>
      sendDownload(reply, {
        bytes: await expertImportTemplateXlsx(request.ctx),
        type: xlsxType,
        asciiName: 'expert-template.xlsx',
        name: '专家导入模板.xlsx',
      }),
  );
  app.post(
    '/experts/import',
    {
      bodyLimit: expertImportLimits.bytes + 1024,
      schema: {
        tags,
        summary: '导入专家名单（.xlsx 原始字节；逐行校验，有错则整批不导入；?dryRun=true 只校验）',
        querystring: ZExpertImportQuery,
        response: { 200: ZExpertImportResult },
      },
    },
    async (request) => {
      const body = request.body;
      return importExpertsXlsx(request.ctx, Buffer.isBuffer(body) ? new Uint8Array(body) : new Uint8Array(), {
        dryRun: request.query.dryRun === 'true',
      });
    },
  );
  app.post(
    '/experts',
    { schema: { tags, summary: '新增专家（科技局录入，直接入库）', body: ZExpertInput, response: { 200: ZExpert } } },
    async (request) => createExpert(request.ctx, request.body),
  );
  app.get('/experts/me', { schema: { tags, summary: '我的专家信息（专家本人）', response: { 200: ZMyExpert } } }, async (request) =>
    getMyExpert(request.ctx),
  );
  app.put(
    '/experts/me',
    {
      schema: {
        tags,
        summary: '填写或修改我的专家信息（首次提交待科技局审核；入库后的修改即时生效并留痕）',
        body: ZExpertSelfInput,
        response: { 200: ZExpert },
      },
    },
    async (request) => saveMyExpert(request.ctx, request.body),
  );
  app.put(
    '/experts/me/relations',
    { schema: { tags, summary: '申报回避关系（近亲属、师生、合作申报、持股等）', body: ZRelationsUpdate, response: { 200: ZExpert } } },
    async (request) => saveMyRelations(request.ctx, request.body),
  );
  app.put(
    '/experts/me/unavailable',
    { schema: { tags, summary: '不能参加评审的日期', body: ZUnavailableUpdate, response: { 200: ZExpert } } },
    async (request) => saveMyUnavailable(request.ctx, request.body),
  );
  app.get('/experts/:id', { schema: { tags, summary: '专家详情', params: ZIdParams, response: { 200: ZExpert } } }, async (request) =>
    getExpert(request.ctx, request.params.id),
  );
  app.put(
    '/experts/:id',
    { schema: { tags, summary: '修改专家信息（科技局）', params: ZIdParams, body: ZExpertInput, response: { 200: ZExpert } } },
    async (request) => updateExpert(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/experts/:id/status',
    {
      schema: {
        tags,
        summary: '审核与状态变更：通过、不通过、暂停、恢复、退出、移出',
        params: ZIdParams,
        body: ZExpertTransition,
        response: { 200: ZExpert },
      },
    },
    async (request) => transitionExpert(request.ctx, request.params.id, request.body),
  );
};
