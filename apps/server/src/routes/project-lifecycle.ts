import {
  ZAcceptanceInput,
  ZChangeDecision,
  ZChangeParams,
  ZChangeRequest,
  ZContractConfirm,
  ZEndInput,
  ZIdParams,
  ZPaymentInput,
  ZProject,
  ZProjectImportQuery,
  ZProjectImportResult,
  ZProjectIndicatorResult,
  ZProjectIndicatorSync,
  ZProjectListQuery,
  ZProjectPage,
  ZProjectReportInput,
  ZUpward,
  ZUpwardInput,
  ZUpwardQuery,
  ZUpwardResult,
  ZVersionBody,
} from '@kechuang/contracts';
import {
  addPayment,
  addProjectReport,
  approvalListDocx,
  approvalListXlsx,
  attachReportFile,
  confirmContract,
  createUpward,
  decideAcceptance,
  decideChange,
  downloadReportFile,
  endProject,
  exportProjectsXlsx,
  exportUpwardXlsx,
  getProject,
  importProjectsXlsx,
  listProjects,
  listUpward,
  projectImportLimits,
  requestAcceptance,
  requestChange,
  setUpwardResult,
  syncProjectIndicators,
} from '@kechuang/core';
import { z } from 'zod';
import { sendDownload } from './download.ts';
import type { Routes } from './types.ts';

const tags = ['project'];
const reportFileLimit = 50 * 1024 * 1024 + 1024;
const ZReportParams = z.strictObject({ id: ZIdParams.shape.id, reportId: ZIdParams.shape.id });
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const disposition = (ascii: string, name: string) => `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** The project after 立项: 项目库, 任务书, changes, 拨款, reports, acceptance, 争资 and the indicator feed. */
export const projectLifecycleRoutes: Routes = async (app) => {
  // a report's full text arrives as the file's raw bytes
  app.addContentTypeParser(
    ['application/pdf', 'application/octet-stream', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    { parseAs: 'buffer', bodyLimit: reportFileLimit },
    (_req, body, done) => done(null, body),
  );

  app.get(
    '/project-calls/:id/approval-list/:format',
    {
      schema: {
        tags,
        summary: '立项公示名单（.docx 公示文本 / .xlsx 名单）',
        params: z.strictObject({ id: ZIdParams.shape.id, format: z.enum(['docx', 'xlsx']) }),
        produces: [docxType, xlsxType],
      },
    },
    async (request, reply) => {
      const { id, format } = request.params;
      const bytes = format === 'docx' ? await approvalListDocx(request.ctx, id) : await approvalListXlsx(request.ctx, id);
      return reply
        .type(format === 'docx' ? docxType : xlsxType)
        .header('content-disposition', disposition(`approval-list.${format}`, `立项公示名单.${format}`))
        .header('cache-control', 'no-store')
        .send(bytes);
    },
  );
  app.get(
    '/projects',
    {
      schema: {
        tags,
        summary: '项目库（按计划类别、年度、地区、领域、状态、负责人、单位检索）',
        querystring: ZProjectListQuery,
        response: { 200: ZProjectPage },
      },
    },
    async (request) => listProjects(request.ctx, request.query),
  );
  app.get(
    '/projects/export',
    { schema: { tags, summary: '导出项目库（.xlsx，金额单位万元）', querystring: ZProjectListQuery, produces: [xlsxType] } },
    async (request, reply) =>
      reply
        .type(xlsxType)
        .header('content-disposition', disposition('projects.xlsx', '项目库.xlsx'))
        .header('cache-control', 'no-store')
        .send(await exportProjectsXlsx(request.ctx, request.query)),
  );
  app.post(
    '/projects/import',
    {
      bodyLimit: projectImportLimits.bytes + 1024,
      schema: {
        tags,
        summary: '导入历史项目清单（.xlsx 原始字节，列同项目库导出；逐行校验，有错则整批不导入；?dryRun=true 只校验）',
        querystring: ZProjectImportQuery,
        response: { 200: ZProjectImportResult },
      },
    },
    async (request) => {
      const body = request.body;
      return importProjectsXlsx(request.ctx, Buffer.isBuffer(body) ? new Uint8Array(body) : new Uint8Array(), {
        dryRun: request.query.dryRun === 'true',
      });
    },
  );
  app.post(
    '/projects/indicator-sync',
    {
      schema: {
        tags,
        summary: '以项目库数据更新指标实际值（立项数、资助资金、揭榜挂帅、争资）',
        body: ZProjectIndicatorSync,
        response: { 200: ZProjectIndicatorResult },
      },
    },
    async (request) => syncProjectIndicators(request.ctx, request.body),
  );
  app.get('/projects/:id', { schema: { tags, summary: '项目详情', params: ZIdParams, response: { 200: ZProject } } }, async (request) =>
    getProject(request.ctx, request.params.id),
  );
  app.post(
    '/projects/:id/contract/confirm',
    {
      schema: {
        tags,
        summary: '确认任务书（科技局、承担单位各自确认）',
        params: ZIdParams,
        body: ZContractConfirm,
        response: { 200: ZProject },
      },
    },
    async (request) => confirmContract(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/projects/:id/payments',
    { schema: { tags, summary: '登记拨款', params: ZIdParams, body: ZPaymentInput, response: { 200: ZProject } } },
    async (request) => addPayment(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/projects/:id/reports/:reportId/file',
    {
      bodyLimit: reportFileLimit,
      schema: {
        tags,
        summary: '存档报告全文（原始字节，?filename=；PDF/Word 等，50 MB 以内；存档后不可替换）',
        params: ZReportParams,
        querystring: z.strictObject({ filename: z.string().min(1).max(255) }),
        response: { 200: ZProject },
      },
    },
    async (request) => {
      const body = request.body;
      const bytes = Buffer.isBuffer(body) ? new Uint8Array(body) : new Uint8Array();
      return attachReportFile(request.ctx, request.params.id, request.params.reportId, { filename: request.query.filename, bytes });
    },
  );
  app.get(
    '/projects/:id/reports/:reportId/file',
    { schema: { tags, summary: '下载报告全文', params: ZReportParams } },
    async (request, reply) => {
      const file = await downloadReportFile(request.ctx, request.params.id, request.params.reportId);
      return sendDownload(reply, {
        bytes: file.bytes,
        type: file.contentType,
        asciiName: file.filename.replace(/[^\x20-\x7e]|["\\]/g, '_'),
        name: file.filename,
      });
    },
  );
  app.post(
    '/projects/:id/reports',
    {
      schema: {
        tags,
        summary: '执行情况报告、科技报告（承担单位）或中期检查（科技局）',
        params: ZIdParams,
        body: ZProjectReportInput,
        response: { 200: ZProject },
      },
    },
    async (request) => addProjectReport(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/projects/:id/changes',
    {
      schema: {
        tags,
        summary: '申请变更（延期、变更负责人、调整预算）',
        params: ZIdParams,
        body: ZChangeRequest,
        response: { 200: ZProject },
      },
    },
    async (request) => requestChange(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/projects/:id/changes/:changeId/decision',
    { schema: { tags, summary: '审批变更申请', params: ZChangeParams, body: ZChangeDecision, response: { 200: ZProject } } },
    async (request) => decideChange(request.ctx, request.params.id, request.params.changeId, request.body),
  );
  app.post(
    '/projects/:id/acceptance/request',
    { schema: { tags, summary: '申请结题验收（须已提交科技报告）', params: ZIdParams, body: ZVersionBody, response: { 200: ZProject } } },
    async (request) => requestAcceptance(request.ctx, request.params.id, request.body.version),
  );
  app.post(
    '/projects/:id/acceptance',
    {
      schema: {
        tags,
        summary: '验收结论（通过 / 结题 / 整改 / 不通过）',
        params: ZIdParams,
        body: ZAcceptanceInput,
        response: { 200: ZProject },
      },
    },
    async (request) => decideAcceptance(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/projects/:id/end',
    { schema: { tags, summary: '终止或撤销项目', params: ZIdParams, body: ZEndInput, response: { 200: ZProject } } },
    async (request) => endProject(request.ctx, request.params.id, request.body),
  );
  app.get(
    '/project-upward',
    { schema: { tags, summary: '争资：向上推荐的项目及结果', querystring: ZUpwardQuery, response: { 200: z.array(ZUpward) } } },
    async (request) => listUpward(request.ctx, request.query),
  );
  app.get(
    '/project-upward/export',
    { schema: { tags, summary: '导出争资清单（.xlsx，金额单位万元）', querystring: ZUpwardQuery, produces: [xlsxType] } },
    async (request, reply) =>
      sendDownload(reply, {
        bytes: await exportUpwardXlsx(request.ctx, request.query),
        type: xlsxType,
        asciiName: 'upward.xlsx',
        name: '争资清单.xlsx',
      }),
  );
  app.post(
    '/project-upward',
    { schema: { tags, summary: '登记向上推荐（省级、国家级计划）', body: ZUpwardInput, response: { 200: ZUpward } } },
    async (request) => createUpward(request.ctx, request.body),
  );
  app.post(
    '/project-upward/:id/result',
    {
      schema: {
        tags,
        summary: '登记争资结果（获得立项及金额 / 未获立项）',
        params: ZIdParams,
        body: ZUpwardResult,
        response: { 200: ZUpward },
      },
    },
    async (request) => setUpwardResult(request.ctx, request.params.id, request.body),
  );
};
