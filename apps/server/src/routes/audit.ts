import { ZAuditListQuery, ZAuditPage } from '@kechuang/contracts';
import { listAudit } from '@kechuang/core';
import type { Routes } from './types.ts';

export const auditRoutes: Routes = async (app) => {
  app.get(
    '/audit',
    { schema: { tags: ['audit'], summary: '审计日志（只读）', querystring: ZAuditListQuery, response: { 200: ZAuditPage } } },
    async (request) => listAudit(request.ctx, request.query),
  );
};
