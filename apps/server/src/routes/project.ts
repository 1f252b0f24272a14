import {
  ZApplication,
  ZApplicationCreate,
  ZApplicationFile,
  ZApplicationFileParams,
  ZApplicationListQuery,
  ZApplicationPage,
  ZApplicationUpdate,
  ZCall,
  ZCallChecks,
  ZCallInput,
  ZCallListQuery,
  ZCallPage,
  ZCallUpdate,
  ZDecisionInput,
  ZFileUploadQuery,
  ZFormalPassInput,
  ZIdParams,
  ZProgramme,
  ZProgrammeInput,
  ZPublicCallList,
  ZPublicCallQuery,
  ZRecommendInput,
  ZReturnInput,
  ZVersionBody,
} from '@kechuang/contracts';
import {
  checkCall,
  closeCall,
  createApplication,
  createCall,
  createProgramme,
  decideApplication,
  downloadApplicationFile,
  exportApplicationsXlsx,
  exportCallsXlsx,
  getApplication,
  getCall,
  listApplications,
  listCallRecommenders,
  listCalls,
  listOpenCalls,
  listProgrammes,
  passFormalCheck,
  publishCall,
  recommendApplication,
  returnApplication,
  submitApplication,
  updateApplication,
  updateCall,
  uploadApplicationFile,
  withdrawApplication,
} from '@kechuang/core';
import { z } from 'zod';
import { sendDownload } from './download.ts';
import { projectLifecycleRoutes } from './project-lifecycle.ts';
import type { Routes } from './types.ts';

const tags = ['project'];
const uploadLimit = 20 * 1024 * 1024 + 1024;

export const projectRoutes: Routes = async (app) => {
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: uploadLimit }, (_req, body, done) => done(null, body));
  await app.register(projectLifecycleRoutes);

  app.get(
    '/public/project-calls',
    {
      config: { public: true },
      schema: { tags, summary: '正在征集的申报指南（公开，无需登录）', querystring: ZPublicCallQuery, response: { 200: ZPublicCallList } },
    },
    async (request) => listOpenCalls(request.ctx, request.query),
  );
  app.get('/project-programmes', { schema: { tags, summary: '计划类别', response: { 200: z.array(ZProgramme) } } }, async (request) =>
    listProgrammes(request.ctx),
  );
  app.post(
    '/project-programmes',
    { schema: { tags, summary: '新增计划类别', body: ZProgrammeInput, response: { 200: ZProgramme } } },
    async (request) => createProgramme(request.ctx, request.body),
  );
  app.get(
    '/project-calls',
    { schema: { tags, summary: '申报指南列表', querystring: ZCallListQuery, response: { 200: ZCallPage } } },
    async (request) => listCalls(request.ctx, request.query),
  );
  app.get(
    '/project-calls/export',
    {
      schema: {
        tags,
        summary: '导出申报指南列表（.xlsx，金额单位万元，筛选同列表）',
        querystring: ZCallListQuery.omit({ page: true, pageSize: true }),
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (request, reply) =>
      sendDownload(reply, {
        bytes: await exportCallsXlsx(request.ctx, request.query),
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        asciiName: 'calls.xlsx',
        name: '申报指南.xlsx',
      }),
  );
  app.post('/project-calls', { schema: { tags, summary: '起草申报指南', body: ZCallInput, response: { 200: ZCall } } }, async (request) =>
    createCall(request.ctx, request.body),
  );
  app.get(
    '/project-calls/:id',
    { schema: { tags, summary: '申报指南详情', params: ZIdParams, response: { 200: ZCall } } },
    async (request) => getCall(request.ctx, request.params.id),
  );
  app.get(
    '/project-calls/:id/recommenders',
    {
      schema: {
        tags,
        summary: '可选的推荐单位（主管部门推荐的指南：本地区的主管部门；其他指南为空）',
        params: ZIdParams,
        response: { 200: z.array(z.object({ id: z.number().int(), name: z.string() })) },
      },
    },
    async (request) => listCallRecommenders(request.ctx, request.params.id),
  );
  app.put(
    '/project-calls/:id',
    { schema: { tags, summary: '修改申报指南（仅草稿）', params: ZIdParams, body: ZCallUpdate, response: { 200: ZCall } } },
    async (request) => updateCall(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/project-calls/:id/publish',
    { schema: { tags, summary: '发布申报指南', params: ZIdParams, body: ZVersionBody, response: { 200: ZCall } } },
    async (request) => publishCall(request.ctx, request.params.id, request.body.version),
  );
  app.post(
    '/project-calls/:id/close',
    { schema: { tags, summary: '截止申报指南（此后不再受理提交）', params: ZIdParams, body: ZVersionBody, response: { 200: ZCall } } },
    async (request) => closeCall(request.ctx, request.params.id, request.body.version),
  );
  app.get(
    '/project-calls/:id/checks',
    {
      schema: {
        tags,
        summary: '形式审查自动检查（资格、限项、同一负责人、题目相似、科研诚信）',
        params: ZIdParams,
        response: { 200: ZCallChecks },
      },
    },
    async (request) => checkCall(request.ctx, request.params.id),
  );

  app.get(
    '/project-applications',
    { schema: { tags, summary: '申报书列表', querystring: ZApplicationListQuery, response: { 200: ZApplicationPage } } },
    async (request) => listApplications(request.ctx, request.query),
  );
  app.get(
    '/project-applications/export',
    {
      schema: {
        tags,
        summary: '导出申报书列表（.xlsx，金额单位万元）',
        querystring: ZApplicationListQuery,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (request, reply) =>
      reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="applications.xlsx"; filename*=UTF-8''${encodeURIComponent('申报书.xlsx')}`)
        .header('cache-control', 'no-store')
        .send(await exportApplicationsXlsx(request.ctx, request.query)),
  );
  app.post(
    '/project-applications',
    { schema: { tags, summary: '新建申报书（草稿）', body: ZApplicationCreate, response: { 200: ZApplication } } },
    async (request) => createApplication(request.ctx, request.body),
  );
  app.get(
    '/project-applications/:id',
    { schema: { tags, summary: '申报书详情（含附件与时间线）', params: ZIdParams, response: { 200: ZApplication } } },
    async (request) => getApplication(request.ctx, request.params.id),
  );
  app.put(
    '/project-applications/:id',
    {
      schema: { tags, summary: '修改申报书（草稿或被退回）', params: ZIdParams, body: ZApplicationUpdate, response: { 200: ZApplication } },
    },
    async (request) => updateApplication(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/project-applications/:id/submit',
    {
      schema: {
        tags,
        summary: '提交申报（申报时间内；被退回的可再次提交）',
        params: ZIdParams,
        body: ZVersionBody,
        response: { 200: ZApplication },
      },
    },
    async (request) => submitApplication(request.ctx, request.params.id, request.body.version),
  );
  app.post(
    '/project-applications/:id/withdraw',
    { schema: { tags, summary: '撤回申报（形式审查通过之前）', params: ZIdParams, body: ZVersionBody, response: { 200: ZApplication } } },
    async (request) => withdrawApplication(request.ctx, request.params.id, request.body.version),
  );
  app.post(
    '/project-applications/:id/recommend',
    { schema: { tags, summary: '推荐（区县或主管部门）', params: ZIdParams, body: ZRecommendInput, response: { 200: ZApplication } } },
    async (request) => recommendApplication(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/project-applications/:id/return',
    { schema: { tags, summary: '退回修改（须写明原因）', params: ZIdParams, body: ZReturnInput, response: { 200: ZApplication } } },
    async (request) => returnApplication(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/project-applications/:id/formal-check',
    { schema: { tags, summary: '形式审查通过（进入评审）', params: ZIdParams, body: ZFormalPassInput, response: { 200: ZApplication } } },
    async (request) => passFormalCheck(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/project-applications/:id/decision',
    {
      schema: {
        tags,
        summary: '立项决定（评审模块上线前由科技局直接录入）',
        params: ZIdParams,
        body: ZDecisionInput,
        response: { 200: ZApplication },
      },
    },
    async (request) => decideApplication(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/project-applications/:id/files',
    {
      bodyLimit: uploadLimit,
      schema: {
        tags,
        summary: '上传申报附件（原始字节，?filename=&kind=；PDF/Word/Excel/图片/ZIP，单个 20 MB 以内）',
        params: ZIdParams,
        querystring: ZFileUploadQuery,
        response: { 200: ZApplicationFile },
      },
    },
    async (request) => {
      const body = request.body;
      const bytes = Buffer.isBuffer(body) ? new Uint8Array(body) : new Uint8Array();
      return uploadApplicationFile(request.ctx, request.params.id, { filename: request.query.filename, kind: request.query.kind, bytes });
    },
  );
  app.get(
    '/project-applications/:id/files/:fileId',
    { schema: { tags, summary: '下载申报附件', params: ZApplicationFileParams } },
    async (request, reply) => {
      const file = await downloadApplicationFile(request.ctx, request.params.id, request.params.fileId);
      const ascii = file.filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .header('cache-control', 'no-store')
        .send(Buffer.from(file.bytes));
    },
  );
};
