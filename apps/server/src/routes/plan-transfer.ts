import {
  planTransferLimits,
  ZBulletinCreate,
  ZBulletinFileParams,
  ZBulletinList,
  ZIdParams,
  ZJob,
  ZPlanXlsxImportQuery,
  ZPlanXlsxImportResult,
} from '@kechuang/contracts';
import { exportPlanXlsx, getBulletinFile, importPlanXlsxOrJob, listBulletins, startBulletin } from '@kechuang/core';
import type { FastifyReply } from 'fastify';
import type { Routes } from './types.ts';

const tags = ['plan'];
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function sendFile(reply: FastifyReply, type: string, filename: string, bytes: Uint8Array) {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return reply
    .type(type)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .header('cache-control', 'no-store')
    .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

/** A plan's tasks and targets as .xlsx (export, all-or-nothing import by id) and its 进度通报 bulletins. */
export const planTransferRoutes: Routes = async (app) => {
  // Uploads arrive as the file's raw bytes (no multipart), up to the import's limit.
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: planTransferLimits.uploadBytes },
    (_req, body, done) => done(null, body),
  );

  app.get(
    '/plans/:id/xlsx',
    { schema: { tags, summary: '导出工作计划的任务与指标（.xlsx，隐藏的编号列用于导回）', params: ZIdParams, produces: [xlsxType] } },
    async (request, reply) => {
      const { bytes, filename } = await exportPlanXlsx(request.ctx, request.params.id);
      return sendFile(reply, xlsxType, filename, bytes);
    },
  );
  app.post(
    '/plans/:id/xlsx',
    {
      bodyLimit: planTransferLimits.uploadBytes,
      schema: {
        tags,
        summary:
          '导回编辑后的任务与指标（.xlsx 原始字节），按编号更新可编辑字段。dryRun=true（默认）只校验；dryRun=false 全部通过才写入，否则 400 plan/xlsx_rows_invalid，rowErrors 列出逐行错误。文件大于 32 KB（约 500 行）时作为后台任务：立即返回 202 与任务，结果为同样的导入结果（逐行错误在结果中；dryRun=false 且有错误行时任务以 plan/xlsx_rows_invalid 失败）',
        params: ZIdParams,
        querystring: ZPlanXlsxImportQuery,
        response: { 200: ZPlanXlsxImportResult, 202: ZJob },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const bytes = Buffer.isBuffer(body) ? new Uint8Array(body) : new Uint8Array();
      const out = await importPlanXlsxOrJob(request.ctx, request.params.id, { bytes, dryRun: request.query.dryRun });
      return 'job' in out ? reply.code(202).send(out.job) : out.result;
    },
  );

  app.get(
    '/plans/:id/bulletins',
    { schema: { tags, summary: '进度通报存档（最新在前）', params: ZIdParams, response: { 200: ZBulletinList } } },
    async (request) => listBulletins(request.ctx, request.params.id),
  );
  app.post(
    '/plans/:id/bulletins',
    {
      schema: {
        tags,
        summary: '生成进度通报（.docx 公文版式与 .xlsx 明细）并存档：作为后台任务，立即返回 202 与任务（GET /api/jobs/:id 查看进度与结果）',
        params: ZIdParams,
        body: ZBulletinCreate,
        response: { 202: ZJob },
      },
    },
    async (request, reply) => reply.code(202).send(await startBulletin(request.ctx, request.params.id, request.body)),
  );
  app.get(
    '/plans/:id/bulletins/:bulletinId/:format',
    { schema: { tags, summary: '下载进度通报（format: docx 或 xlsx）', params: ZBulletinFileParams, produces: [xlsxType, docxType] } },
    async (request, reply) => {
      const { id, bulletinId, format } = request.params;
      const file = await getBulletinFile(request.ctx, id, bulletinId, format);
      return sendFile(reply, file.contentType, file.filename, file.bytes);
    },
  );
};
