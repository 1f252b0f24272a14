import { enterpriseTransferLimits, ZEnterpriseExportQuery, ZEnterpriseImportQuery, ZEnterpriseImportResult } from '@kechuang/contracts';
import { exportEnterprisesXlsx, importEnterprisesXlsx } from '@kechuang/core';
import type { Routes } from './types.ts';

const tags = ['enterprise'];
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const filename = '企业名录.xlsx';

/** Bulk exchange of the enterprise registry as .xlsx (export; all-or-nothing import with row-level errors). */
export const enterpriseTransferRoutes: Routes = async (app) => {
  // Uploads arrive as the file's raw bytes (no multipart), up to the import's limit.
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: enterpriseTransferLimits.uploadBytes },
    (_req, body, done) => done(null, body),
  );

  app.get(
    '/enterprises/export',
    {
      schema: {
        tags,
        summary: '导出企业名录与年度数据（.xlsx，金额单位万元）',
        querystring: ZEnterpriseExportQuery,
        produces: [xlsxType],
      },
    },
    async (request, reply) => {
      const bytes = await exportEnterprisesXlsx(request.ctx, request.query);
      return reply
        .type(xlsxType)
        .header('content-disposition', `attachment; filename="enterprises.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`)
        .header('cache-control', 'no-store')
        .send(bytes);
    },
  );
  app.post(
    '/enterprises/import',
    {
      bodyLimit: enterpriseTransferLimits.uploadBytes,
      schema: {
        tags,
        summary:
          '导入企业名录与年度数据（.xlsx 原始字节）。dryRun=true（默认）只校验并返回逐行错误；dryRun=false 全部通过才写入，否则 400 enterprise/import_rows_invalid，rowErrors 列出错误',
        querystring: ZEnterpriseImportQuery,
        response: { 200: ZEnterpriseImportResult },
      },
    },
    async (request) => {
      const body = request.body;
      const bytes = Buffer.isBuffer(body) ? new Uint8Array(body) : new Uint8Array();
      return importEnterprisesXlsx(request.ctx, { bytes, dryRun: request.query.dryRun });
    },
  );
};
